using Steward.Server.Decisions;
using Steward.Server.WebConsole.Views;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/logon-points</c>: each logon point's sites, the senior site it names, and the senior site and
/// package it hands out now (the newest participating site unless one is named); an admin changes a logon point's sites here.
/// </summary>
public sealed class LogonPointsModel : ConsolePage
{
    internal LiveHierarchy Hierarchy { get; private set; } = null!;

    /// <summary>The logon point this console changed just before (<c>?changed=NAME</c>): the page says so.</summary>
    internal string? Changed { get; private set; }

    public async Task OnGetAsync(string? changed)
    {
        Hierarchy = await LiveHierarchy.ReadAsync(Store, Service<SiteTableBuilder>(), HttpContext.RequestAborted).ConfigureAwait(false);
        Changed = Hierarchy.LogonPointRows.FirstOrDefault(p => p.Name == changed)?.Name;
    }
}
