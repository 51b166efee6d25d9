using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Security;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.LogonPoints;

/// <summary><c>/v1/logon-points</c>: create, read, replace, delete logon points.</summary>
internal static class LogonPointEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/logon-points", async (IStewardStore store, IRolloutStore rollouts, SiteTables tables, CancellationToken cancellationToken) =>
        {
            var views = new List<LogonPointView>();
            var active = await rollouts.ListActiveRolloutsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in await store.ListLogonPointsAsync(cancellationToken).ConfigureAwait(false))
            {
                views.Add(await LogonPointViews.OfAsync(row, store, tables, null, active, cancellationToken).ConfigureAwait(false));
            }

            return TypedResults.Ok(views);
        }).Produces<IReadOnlyList<LogonPointView>>().WithName("listLogonPoints").RequiresRole(AdminRole.Viewer).WithSummary("Every logon point, with its senior site and package now.");

        group.MapGet("/logon-points/{name}", async (string name, IStewardStore store, IRolloutStore rollouts, SiteTables tables, CancellationToken cancellationToken) =>
        {
            var row = LogonPointInput.ValidName(name) ? await store.FindLogonPointAsync(name, cancellationToken).ConfigureAwait(false) : null;
            return row is null
                ? Problems.NotFound($"there is no logon point '{name}'")
                : TypedResults.Ok(await LogonPointViews.OfAsync(
                    row, store, tables, null, await rollouts.ListActiveRolloutsAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false));
        }).Produces<LogonPointView>().ProducesProblem(StatusCodes.Status404NotFound).WithName("getLogonPoint").RequiresRole(AdminRole.Viewer).WithSummary("One logon point.");

        group.MapPost("/logon-points", (HttpContext http, IStewardStore store, SiteTables tables, TimeProvider time, CancellationToken cancellationToken) =>
            SaveAsync(http, null, store, tables, time, cancellationToken))
            .Accepts<LogonPointRequest>("application/json").Produces<LogonPointView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("createLogonPoint").RequiresRole(AdminRole.Admin).WithSummary("Create a logon point; the answer holds its enrollment secret, shown only this once.");

        group.MapPut("/logon-points/{name}", (string name, HttpContext http, IStewardStore store, SiteTables tables, TimeProvider time, CancellationToken cancellationToken) =>
            SaveAsync(http, name, store, tables, time, cancellationToken))
            .Accepts<LogonPointRequest>("application/json").Produces<LogonPointView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).WithName("replaceLogonPoint").RequiresRole(AdminRole.Admin).WithSummary("Replace a logon point's sites and senior site; a new enrollment secret only when one is given.");

        group.MapDelete("/logon-points/{name}", async (string name, HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!LogonPointInput.ValidName(name))
            {
                return Problems.NotFound($"there is no logon point '{name}'");
            }

            var result = await store.DeleteLogonPointAsync(name, Audits.Of(http, time, "logon-point.delete", name, ""), cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? TypedResults.NoContent() : Problems.FromStore(result, $"logon point '{name}'");
        }).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).WithName("deleteLogonPoint").RequiresRole(AdminRole.Admin).WithSummary("Delete a logon point.");
    }

    private static async Task<IResult> SaveAsync(HttpContext http, string? pathName, IStewardStore store, SiteTables tables, TimeProvider time, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.LogonPointRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (LogonPointInput.Check(request!, pathName, errors) is not { } point)
        {
            return Problems.Invalid(errors);
        }

        var create = pathName is null;
        var current = create ? null : await store.FindLogonPointAsync(point.Name, cancellationToken).ConfigureAwait(false);
        if (!create && current is null)
        {
            return Problems.NotFound($"there is no logon point '{point.Name}'");
        }

        var secret = point.Secret ?? (create ? Secrets.New("stw_enroll_") : null);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new LogonPointRow
        {
            Name = point.Name, Senior = point.Senior, SecretHash = secret is null ? current!.SecretHash : Secrets.Hash(secret),
            CreatedAt = current?.CreatedAt ?? now, UpdatedAt = now, Sites = point.Sites,
        };
        var details = $"sites {string.Join(", ", point.Sites)}; senior {point.Senior ?? "newest"}{(secret is null ? "" : "; new enrollment secret")}";
        var result = await store.SaveLogonPointAsync(row, create, Audits.Of(http, time, create ? "logon-point.create" : "logon-point.update", point.Name, details), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Problems.FromStore(result, $"logon point '{point.Name}'");
        }

        var view = await LogonPointViews.OfAsync(row, store, tables, secret, null, cancellationToken).ConfigureAwait(false);
        return create ? TypedResults.Created(Routes.LogonPoint(point.Name), view) : TypedResults.Ok(view);
    }
}
