using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Server.Decisions;
using Steward.Server.WebConsole.Views;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/sites</c>: every site with its version, release line, boundaries and logon points, and the
/// look-up "which sites and logon points hold this address" (<c>?address=10.2.3.4</c>).
/// </summary>
public sealed class SitesModel : ConsolePage
{
    internal LiveHierarchy Hierarchy { get; private set; } = null!;

    internal string? Address { get; private set; }

    internal string? AddressError { get; private set; }

    internal IReadOnlyList<Site>? Holding { get; private set; }

    internal IReadOnlyList<string> HoldingLogonPoints { get; private set; } = [];

    /// <summary>The logon points each site takes part in, by site code.</summary>
    internal ILookup<string, string> LogonPointsOf { get; private set; } = null!;

    public async Task OnGetAsync(string? address)
    {
        Hierarchy = await LiveHierarchy.ReadAsync(Store, Service<SiteTableBuilder>(), HttpContext.RequestAborted).ConfigureAwait(false);
        LogonPointsOf = Hierarchy.LogonPointRows.SelectMany(p => p.Sites.Select(s => (Site: s, Point: p.Name))).ToLookup(x => x.Site, x => x.Point, StringComparer.Ordinal);
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        if (Address is null)
        {
            return;
        }

        var parsed = Address.Length <= 64 ? NetworkAddress.Parse(Address) : default;
        if (Address.Length > 64 || !parsed.Success)
        {
            AddressError = $"'{Address}' is not an IPv4 or IPv6 address.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        (Holding, HoldingLogonPoints) = Hierarchy.Holding(parsed.Value);
    }
}
