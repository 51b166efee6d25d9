using Steward.Policy.Sites;

namespace Steward.Simulation.Running;

/// <summary>
/// The final versions of a fleet: for each site in code order, its clients per installed version, and
/// the clients with no site per version (or no agent). A client with several sites counts at each.
/// </summary>
/// <param name="Sites">One entry per site of the table, in code order (a site with no client has an empty list).</param>
/// <param name="WithoutSite">Clients assigned to no site, per installed version: no agent first, then versions ascending.</param>
public sealed record FleetSummary(IReadOnlyList<SiteSummary> Sites, IReadOnlyList<VersionCount> WithoutSite)
{
    /// <summary>Counts a fleet in one pass.</summary>
    internal static FleetSummary Of(Fleet fleet, SiteTable sites)
    {
        // One column per distinct (installed?, version): a fleet has few versions, so a dictionary
        // lookup per client and a row of counts per column is cheap even for a million clients.
        var columns = new Dictionary<(bool Installed, ulong Packed), long[]>();
        var noSite = sites.Count;
        for (var client = 0; client < fleet.Count; client++)
        {
            var installed = fleet.InstalledOf(client);
            var key = (installed.HasValue, installed?.ToPacked() ?? 0);
            if (!columns.TryGetValue(key, out var counts))
            {
                counts = new long[sites.Count + 1];
                columns.Add(key, counts);
            }

            var assigned = fleet.SitesOf(client);
            if (assigned.IsEmpty)
            {
                counts[noSite]++;
                continue;
            }

            foreach (var site in assigned)
            {
                counts[site]++;
            }
        }

        var ordered = columns.OrderBy(c => c.Key.Installed).ThenBy(c => c.Key.Packed).ToList();
        var perSite = new SiteSummary[sites.Count];
        for (var s = 0; s < sites.Count; s++)
        {
            perSite[s] = new SiteSummary(sites[s].Code, sites[s].Version, Row(ordered, s));
        }

        return new FleetSummary(perSite, Row(ordered, noSite));
    }

    private static VersionCount[] Row(List<KeyValuePair<(bool Installed, ulong Packed), long[]>> columns, int row) =>
    [
        .. columns
            .Where(c => c.Value[row] != 0)
            .Select(c => new VersionCount(c.Key.Installed ? Policy.Versions.AgentVersion.FromPacked(c.Key.Packed) : null, c.Value[row])),
    ];
}
