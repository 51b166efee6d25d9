using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.LogonPoints;
using Steward.Server.Storage;
using Steward.Server.WebConsole.Views;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/logon-points</c>: each logon point's sites, the senior site it names, and the senior site and
/// package it hands out now (the newest participating site unless one is named) and, while rollouts of its sites are
/// active, the package a computer served their new version gets (the API's view of it); an admin changes a logon point's sites here.
/// </summary>
public sealed class LogonPointsModel : ConsolePage
{
    internal LiveHierarchy Hierarchy { get; private set; } = null!;

    /// <summary>Each logon point as the API shows it, in the order of <see cref="LiveHierarchy.LogonPointRows"/>.</summary>
    internal IReadOnlyList<LogonPointView> Points { get; private set; } = [];

    /// <summary>The logon point this console changed just before (<c>?changed=NAME</c>): the page says so.</summary>
    internal string? Changed { get; private set; }

    public async Task OnGetAsync(string? changed)
    {
        Hierarchy = await LiveHierarchy.ReadAsync(Store, Service<SiteTableBuilder>(), HttpContext.RequestAborted).ConfigureAwait(false);
        var active = await Service<IRolloutStore>().ListActiveRolloutsAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        Points = [.. Hierarchy.LogonPointRows.Select((row, i) => LogonPointViews.Of(row, Hierarchy.Table, Hierarchy.LogonPoints[i], null, active))];
        Changed = Hierarchy.LogonPointRows.FirstOrDefault(p => p.Name == changed)?.Name;
    }
}
