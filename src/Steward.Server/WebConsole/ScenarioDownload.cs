using Steward.Server.Scenarios;
using Steward.Server.Security.Access;
using Steward.Server.WebConsole.Access;

namespace Steward.Server.WebConsole;

/// <summary>
/// <c>/console/scenario.yaml</c>: the console's download button for the scenario export — the same stream as
/// <c>GET /v1/scenario</c>, for a viewer signed in to the console (the API's bearer tokens open no console path).
/// </summary>
internal static class ScenarioDownload
{
    public const string Path = "/console/scenario.yaml";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, ScenarioEndpoints.Export).RequireAuthorization(ConsoleAccess.Policy(AdminRole.Viewer)).ExcludeFromDescription();
}
