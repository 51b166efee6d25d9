using Steward.Policy.Boundaries;
using Steward.Policy.Checks;
using Steward.Policy.Sites;
using Steward.Server.Decisions;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Views;

/// <summary>
/// The server's sites and logon points as the rules see them (a <see cref="SiteTable"/> and <see cref="LogonPoint"/>s),
/// read once per page: for each logon point's view (<c>LogonPointViews.Of</c>), the hierarchy check's warnings
/// (those of <c>steward check</c>, on the live hierarchy) and the look-up of an address.
/// </summary>
internal sealed class LiveHierarchy
{
    private LiveHierarchy(IReadOnlyList<SiteRow> sites, IReadOnlyList<LogonPointRow> logonPoints, SiteTable table)
    {
        Sites = sites;
        LogonPointRows = logonPoints;
        Table = table;
        LogonPoints = [.. logonPoints.Select(p => new LogonPoint(
            p.Name, SiteTableBuilder.Indices(table, p.Sites), p.Senior is null ? -1 : table.IndexOf(SiteCode.ParseExact(p.Senior))))];
    }

    public IReadOnlyList<SiteRow> Sites { get; }

    public IReadOnlyList<LogonPointRow> LogonPointRows { get; }

    public SiteTable Table { get; }

    public IReadOnlyList<LogonPoint> LogonPoints { get; }

    public static async Task<LiveHierarchy> ReadAsync(IStewardStore store, SiteTableBuilder tables, CancellationToken cancellationToken)
    {
        var sites = await store.ListSitesAsync(cancellationToken).ConfigureAwait(false);
        var points = await store.ListLogonPointsAsync(cancellationToken).ConfigureAwait(false);
        return new LiveHierarchy(sites, points, tables.Build(sites));
    }

    public IReadOnlyList<HierarchyWarning> Warnings() => HierarchyCheck.Run(Table, LogonPoints);

    /// <summary>The sites whose boundaries hold the address, and the logon points those sites take part in.</summary>
    public (IReadOnlyList<Site> Sites, IReadOnlyList<string> LogonPoints) Holding(NetworkAddress address)
    {
        var holding = Table.Containing(Table.All, [address]);
        var sites = new List<Site>();
        foreach (var index in holding)
        {
            sites.Add(Table[index]);
        }

        var points = LogonPoints.Where(p => !(p.Participating & holding).IsEmpty).Select(p => p.Name).ToList();
        return (sites, points);
    }
}
