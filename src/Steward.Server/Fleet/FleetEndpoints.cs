using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

namespace Steward.Server.Fleet;

/// <summary><c>/v1/fleet</c>: clients per site and installed version.</summary>
internal static class FleetEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Fleet, async (IStewardStore store, CancellationToken cancellationToken) =>
        {
            var rows = await store.FleetAsync(cancellationToken).ConfigureAwait(false);
            var sites = new List<FleetSite>();
            foreach (var site in await store.ListSitesAsync(cancellationToken).ConfigureAwait(false))
            {
                var versions = rows.Where(r => r.Site == site.Code).OrderBy(r => r.Installed, StringComparer.Ordinal)
                    .ToDictionary(r => r.Installed ?? "none", r => r.Clients, StringComparer.Ordinal);
                sites.Add(new FleetSite(site.Code, site.Version, versions.Values.Sum(), versions));
            }

            var total = rows.Where(r => r.Site.Length == 0).Sum(r => r.Clients);
            var unassigned = rows.Where(r => r.Site == "-").Sum(r => r.Clients);
            return TypedResults.Ok(new FleetSummary(sites, total, unassigned));
        }).Produces<FleetSummary>().WithName("getFleet").RequiresRole(AdminRole.Viewer).WithSummary("The fleet: clients per site and installed version.");
    }
}
