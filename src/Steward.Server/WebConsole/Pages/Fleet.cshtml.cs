using Steward.Policy.Checks;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Fleet;
using Steward.Server.WebConsole.Views;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/fleet</c>: clients per site and installed version, the inactive, unhealthy and unassigned clients,
/// and the hierarchy check's warnings for the live hierarchy, each with its fix.
/// </summary>
public sealed class FleetModel : ConsolePage
{
    internal IReadOnlyList<FleetChart.Bar> Bars { get; private set; } = [];

    /// <summary>The fleet as the API shows it: clients per site and installed version, all clients, those in no site.</summary>
    internal FleetSummary Summary { get; private set; } = null!;

    internal long Inactive { get; private set; }

    /// <summary>Clients whose agent's last daily self-check found a problem.</summary>
    internal long Unhealthy { get; private set; }

    internal IReadOnlyList<HierarchyWarning> Warnings { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var rows = await Store.FleetAsync(cancellationToken).ConfigureAwait(false);
        var hierarchy = await LiveHierarchy.ReadAsync(Store, Service<SiteTableBuilder>(), cancellationToken).ConfigureAwait(false);
        Summary = FleetEndpoints.Summary(rows, hierarchy.Sites);
        Bars = [.. Summary.Sites.Select(site => new FleetChart.Bar(site.Code, site.Versions))];
        Inactive = await Store.CountSeenBeforeAsync(Options.InactiveBefore(Now), cancellationToken).ConfigureAwait(false);
        Unhealthy = (await Store.CountByHealthAsync(cancellationToken).ConfigureAwait(false))[HealthWords.Unhealthy];
        Warnings = hierarchy.Warnings();
    }
}
