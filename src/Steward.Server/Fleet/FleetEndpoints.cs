using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Fleet;

/// <summary><c>/v1/fleet</c>: clients per site and installed version.</summary>
internal static class FleetEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Fleet, async (IStewardStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(Summary(
                await store.FleetAsync(cancellationToken).ConfigureAwait(false),
                await store.ListSitesAsync(cancellationToken).ConfigureAwait(false))))
            .Produces<FleetSummary>().WithName("getFleet").RequiresRole(AdminRole.Viewer).WithSummary("The fleet: clients per site and installed version.");
    }

    /// <summary>
    /// The fleet from the store's counts (<see cref="IStewardStore.FleetAsync"/>) and the sites: clients per site and
    /// installed version ("none": no agent), all clients, and those in no site. The API and the console's fleet page show it.
    /// </summary>
    internal static FleetSummary Summary(IReadOnlyList<FleetRow> rows, IReadOnlyList<SiteRow> sites)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sites);
        var bySite = new List<FleetSite>();
        foreach (var site in sites)
        {
            var versions = rows.Where(r => r.Site == site.Code).OrderBy(r => r.Installed, StringComparer.Ordinal)
                .ToDictionary(r => r.Installed ?? "none", r => r.Clients, StringComparer.Ordinal);
            bySite.Add(new FleetSite(site.Code, site.Version, versions.Values.Sum(), versions));
        }

        var total = rows.Where(r => r.Site.Length == 0).Sum(r => r.Clients);
        var unassigned = rows.Where(r => r.Site == "-").Sum(r => r.Clients);
        return new FleetSummary(bySite, total, unassigned);
    }
}
