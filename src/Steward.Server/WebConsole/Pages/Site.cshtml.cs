using Microsoft.AspNetCore.Mvc;
using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Pages;

/// <summary><c>/console/sites/{code}</c>: one site, its logon points, and (for an operator or admin) the form that changes its version.</summary>
public sealed class SiteModel : ConsolePage
{
    internal SiteRow Site { get; private set; } = null!;

    internal IReadOnlyList<string> LogonPoints { get; private set; } = [];

    internal IReadOnlyList<string> Versions { get; private set; } = [];

    /// <summary>What this console changed just before (<c>?changed=version</c> or <c>boundaries</c>): the page says so.</summary>
    internal string? Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? changed)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var site = await FindSiteAsync(code).ConfigureAwait(false);
        if (site is null)
        {
            return NotFound();
        }

        Site = site;
        Changed = changed is "version" or "boundaries" ? changed : null;
        LogonPoints = [.. (await Store.ListLogonPointsAsync(cancellationToken).ConfigureAwait(false)).Where(p => p.Sites.Contains(site.Code)).Select(p => p.Name)];
        Versions = [.. (await Store.ListPackagesAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Version).Order(StringComparer.Ordinal)];
        return Page();
    }
}
