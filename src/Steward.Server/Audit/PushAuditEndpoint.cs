using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

namespace Steward.Server.Audit;

/// <summary>
/// <c>POST /v1/audit/push</c>: <c>steward push</c> records each attempt at a host (action <c>client.push</c>, the host
/// as the target, the result and its detail as the details). The push itself runs over SSH from the administrator's
/// computer; the server learns of the computer, if it was enrolled, through the logon point as for any install.
/// </summary>
internal static class PushAuditEndpoint
{
    /// <summary>The longest host name (DNS allows 253) or address.</summary>
    public const int MaxHostLength = 253;

    /// <summary>The longest detail kept.</summary>
    public const int MaxDetailLength = 2000;

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost(Routes.PushAudit, async (HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.PushAttempt).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = Check(request!);
            if (errors.Any)
            {
                return Problems.Invalid(errors);
            }

            await store.AddAuditAsync(Audits.Of(http, time, "client.push", request!.Host!, request, ProtocolJson.Default.PushAttempt), cancellationToken).ConfigureAwait(false);
            return TypedResults.NoContent();
        }).Accepts<PushAttempt>("application/json").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
        .WithName("recordPushAttempt").RequiresRole(AdminRole.Operator)
        .WithSummary("Records one attempt of 'steward push' at one host (its result and why) in the audit log.");
    }

    private static FieldErrors Check(PushAttempt attempt)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(attempt.Host) || attempt.Host.Length > MaxHostLength || attempt.Host.Any(char.IsControl))
        {
            errors.Add("host", $"the host as it was named: 1 to {MaxHostLength} characters, no control characters");
        }

        if (attempt.Result is null || !PushResults.All.Contains(attempt.Result))
        {
            errors.Add("result", $"one of: {string.Join(", ", PushResults.All)}");
        }

        if (attempt.Detail is { Length: > MaxDetailLength })
        {
            errors.Add("detail", $"at most {MaxDetailLength} characters");
        }

        if (attempt.LogonPoint is { Length: > 64 })
        {
            errors.Add("logonPoint", "at most 64 characters");
        }

        if (attempt.Version is { Length: > 64 })
        {
            errors.Add("version", "at most 64 characters");
        }

        return errors;
    }
}
