using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Agents.Cycles;
using Steward.Server.Decisions;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Http.ApiDocument;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

namespace Steward.Server.Agents;

/// <summary>A site's access point: the maintenance cycle, reports, and a client's own record.</summary>
internal static class AccessPointEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        // The cycle's services are singletons, taken from the application's provider rather than bound as
        // parameters: binding them would make a request scope for every cycle.
        var services = group.ServiceProvider;
        group.MapPost(RouteTemplates.Cycle, async (string site, HttpRequest http, CancellationToken cancellationToken) =>
        {
            var options = services.GetRequiredService<ServerOptions>();
            var (request, problem) = await JsonBody.ReadAsync(http, ProtocolJson.Default.CycleRequest, options, CycleRequestReader.TryRead).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            if (CycleInput.Read(site, request!, AccessPoints.Origin(http, options), errors) is not { } input)
            {
                return Problems.Invalid(errors);
            }

            var caller = AuthenticatedClient.Of(http.HttpContext);
            var result = await services.GetRequiredService<ICycleDecider>().DecideAsync(caller, input, moment: null, cancellationToken).ConfigureAwait(false);
            if (input.Health is { } health && !string.Equals(health, caller.Client.Health, StringComparison.Ordinal) && result is CycleResult.Decided or CycleResult.Kept)
            {
                // The daily self-check travels with the cycle; kept apart from the decision, which never reads it. Written
                // only when it changed: the same health again would make nearly every cycle a write (decisions 0009, 0025).
                await services.GetRequiredService<IStewardStore>().SetClientHealthAsync(caller.Client.Id, health, cancellationToken).ConfigureAwait(false);
            }

            return Http(result);
        })
        .Accepts<CycleRequest>("application/json")
        .Produces<CycleResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithMetadata(ApiAccess.Client)
        .WithName("maintenanceCycle").RequireAuthorization(AccessPolicies.Client).WithMetadata(ReadsCycleFacts.Instance)
        .WithSummary("One maintenance cycle of the client named by its credentials (Basic): the R3 decision.");

        group.MapPost(RouteTemplates.Report, async (string site, HttpRequest http, UpgradeReports reports, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http, ProtocolJson.Default.UpgradeReport).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            var report = UpgradeReportInput.Read(request, null, errors);
            var via = AgentInput.Site(site, errors);
            return errors.Any || report is null || via is null
                ? Problems.Invalid(errors)
                : Http(await reports.RecordAsync(AuthenticatedClient.Of(http.HttpContext), via.Value.ToString(), report, cancellationToken).ConfigureAwait(false));
        })
        .Accepts<UpgradeReport>("application/json")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithMetadata(ApiAccess.Client)
        .WithName("reportUpgrade").RequireAuthorization(AccessPolicies.Client)
        .WithSummary("The result of carrying out a decision that delivered a package.");

        group.MapGet(Routes.Self, (HttpContext http) =>
        {
            var client = AuthenticatedClient.Of(http).Client;
            return TypedResults.Ok(new SelfView(client.Id, client.Name, client.Installed?.ToString(), client.Sites, client.LastOutcome));
        })
        .Produces<SelfView>()
        .WithMetadata(ApiAccess.Client)
        .WithName("getSelf").RequireAuthorization(AccessPolicies.Client)
        .WithSummary("The calling client's own record.");
    }

    /// <summary>The one place a cycle's (or a report's) result becomes HTTP.</summary>
    public static IResult Http(CycleResult result) => result switch
    {
        CycleResult.Kept kept => kept.Answer,
        CycleResult.Decided decided => new JsonAnswer<CycleResponse>(decided.Response, ProtocolJson.Default.CycleResponse),
        CycleResult.Reported => TypedResults.NoContent(),
        CycleResult.Unauthenticated => Problems.Unauthorized(ClientAuthenticator.Refusal),
        CycleResult.NoSuchSite missing => AccessPoints.Missing(missing.Via),
        CycleResult.NoPackage none => Problems.Unavailable($"no package of version {none.Version} is published, so the upgrade cannot be delivered now"),
        CycleResult.ClientKeptChanging => Problems.Conflict(RetryOnChange.Exhausted),
        CycleResult.AttemptRefused refused => Problems.Conflict(
            "attempt", $"{refused.Attempt} is not an open upgrade attempt of this client (it is unknown, another client's, or reported already); the report counts nowhere"),
        _ => throw new InvalidOperationException($"a cycle ended in a way the endpoint does not know: {result}"),
    };
}
