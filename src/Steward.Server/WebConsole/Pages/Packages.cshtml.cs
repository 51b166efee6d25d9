using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Pages;

/// <summary><c>/console/packages</c>: the published agent packages with size, SHA-256, signer and publisher, and the sites that serve each.</summary>
public sealed class PackagesModel : ConsolePage
{
    internal IReadOnlyList<PackageRow> Packages { get; private set; } = [];

    internal IReadOnlyList<SiteRow> Sites { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Packages = [.. (await Store.ListPackagesAsync(HttpContext.RequestAborted).ConfigureAwait(false)).OrderByDescending(p => p.PublishedAt)];
        Sites = await Store.ListSitesAsync(HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
