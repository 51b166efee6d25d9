using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Decisions;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Http.ApiDocument;
using Steward.Server.Security.Access;

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
        group.MapPost("/access/{site}/cycle", async (string site, HttpRequest http, CancellationToken cancellationToken) =>
        {
            var options = services.GetRequiredService<ServerOptions>();
            var (request, problem) = await JsonBody.ReadAsync(http, ProtocolJson.Default.CycleRequest, options, CycleRequestReader.TryRead).ConfigureAwait(false);
            return problem ?? await services.GetRequiredService<MaintenanceService>()
                .CycleAsync(site, AuthenticatedClient.Of(http.HttpContext), request!, AccessPoints.Origin(http, options), cancellationToken).ConfigureAwait(false);
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

        group.MapPost("/access/{site}/report", async (string site, HttpRequest http, MaintenanceService maintenance, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http, ProtocolJson.Default.UpgradeReport).ConfigureAwait(false);
            return problem ?? await maintenance.ReportAsync(site, AuthenticatedClient.Of(http.HttpContext), request!, cancellationToken).ConfigureAwait(false);
        })
        .Accepts<UpgradeReport>("application/json")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithMetadata(ApiAccess.Client)
        .WithName("reportUpgrade").RequireAuthorization(AccessPolicies.Client)
        .WithSummary("The result of carrying out a decision that delivered a package.");

        group.MapGet("/agent/self", (HttpContext http) =>
        {
            var client = AuthenticatedClient.Of(http).Client;
            return TypedResults.Ok(new SelfView(client.Id, client.Name, client.Installed, SiteText.List(client.Sites), client.LastOutcome));
        })
        .Produces<SelfView>()
        .WithMetadata(ApiAccess.Client)
        .WithName("getSelf").RequireAuthorization(AccessPolicies.Client)
        .WithSummary("The calling client's own record.");
    }
}
