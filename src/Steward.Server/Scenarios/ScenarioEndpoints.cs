using Steward.Protocol;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

namespace Steward.Server.Scenarios;

/// <summary><c>/v1/scenario</c>: the live fleet as a scenario file of the simulator, for "what happens if...".</summary>
internal static class ScenarioEndpoints
{
    /// <summary>RFC 9512's media type for YAML.</summary>
    public const string ContentType = "application/yaml; charset=utf-8";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Scenario, Export)
        .Produces(StatusCodes.Status200OK, contentType: "application/yaml")
        .WithName("exportScenario").RequiresRole(AdminRole.Viewer)
        .WithSummary("The hierarchy and every client as a scenario file of steward simulate (YAML), streamed; add steps and simulate.");
    }

    /// <summary>The export as a download, streamed from one snapshot: the API's answer and the console's download button.</summary>
    public static IResult Export(IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Stream(
            async body =>
            {
                var snapshot = await store.OpenFleetSnapshotAsync(cancellationToken).ConfigureAwait(false);
                await using (snapshot.ConfigureAwait(false))
                {
                    await ScenarioExport.WriteAsync(snapshot, body, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }
            },
            ContentType,
            "steward-fleet.yaml");
}
