using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Agents.Logons;
using Steward.Server.Decisions;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Http.ApiDocument;

namespace Steward.Server.Agents;

/// <summary><c>POST /v1/logon/{name}</c>: logon bootstrap and manual install at a logon point.</summary>
internal static class LogonEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost(RouteTemplates.Logon, async (string name, HttpRequest http, LogonService logon, ServerOptions options, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http, ProtocolJson.Default.LogonRequest).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            var input = LogonInput.Read(name, request!, AccessPoints.Origin(http, options), http.HttpContext.Connection.RemoteIpAddress, errors);
            return input is null ? Problems.Invalid(errors) : Http(await logon.LogonAsync(input, cancellationToken).ConfigureAwait(false));
        })
        .Accepts<LogonRequest>("application/json")
        .Produces<LogonResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithMetadata(ApiAccess.NoCredentials)
        .WithName("logon").AllowAnonymous()
        .WithDescription("No HTTP credentials: the logon point's enrollment secret is the body's `enrollmentSecret`; an enrolled agent adds its `clientId` and `clientSecret` there too.")
        .WithSummary("Logon bootstrap or manual install: the R1/R2 decision, and for a new client its credentials.");
    }

    /// <summary>The one place a logon's result becomes HTTP.</summary>
    public static IResult Http(LogonResult result) => result switch
    {
        LogonResult.Decided decided => TypedResults.Ok(decided.Response),
        LogonResult.UnknownPointOrSecret => Problems.Unauthorized(UnknownPointOrSecret),
        LogonResult.UnknownClient => Problems.Unauthorized(ClientAuthenticator.Refusal),
        LogonResult.NoPackage none => Problems.Unavailable($"no package of version {none.Version} is published, so nothing can be installed now"),
        LogonResult.TooManyRefusals refused => new TooManyRequests(
            refused.Wait,
            $"too many computers that are not enrolled were refused from {refused.Source} lately; this logon was not decided. "
            + $"Try again in {Math.Ceiling(refused.Wait.TotalSeconds)} s (the limit is Steward:UnenrolledRefusalLimit per Steward:UnenrolledRefusalWindowSeconds)"),
        LogonResult.ClientKeptChanging => Problems.Conflict(RetryOnChange.Exhausted),
        _ => throw new InvalidOperationException($"a logon ended in a way the endpoint does not know: {result}"),
    };

    private const string UnknownPointOrSecret = "no logon point has this name and enrollment secret; check the logon script's address and secret";
}
