using Steward.Server.Decisions;
using Steward.Server.WebConsole.Views;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/logon-points</c>: each logon point's sites, the senior site it names, and the senior site and
/// package it hands out now (the newest participating site unless one is named).
/// </summary>
public sealed class LogonPointsModel : ConsolePage
{
    internal LiveHierarchy Hierarchy { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Hierarchy = await LiveHierarchy.ReadAsync(Store, Service<SiteTableBuilder>(), HttpContext.RequestAborted).ConfigureAwait(false);
}
