using Steward.Policy.Sites;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.LogonPoints;

/// <summary>Logon point rows as the API shows them, with the senior site and package they have now.</summary>
internal static class LogonPointViews
{
    public static async Task<LogonPointView> OfAsync(LogonPointRow row, IStewardStore store, SiteTableBuilder tables, string? secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tables);
        var table = tables.Build(await store.FindSitesAsync(row.Sites, cancellationToken).ConfigureAwait(false));
        var named = row.Senior is null ? -1 : table.IndexOf(SiteCode.ParseExact(row.Senior));
        var senior = new LogonPoint(row.Name, SiteTableBuilder.Indices(table, row.Sites), named).SeniorSite(table);
        return new LogonPointView(
            row.Name, row.Sites, row.Senior, senior >= 0 ? table[senior].Code.ToString() : null, senior >= 0 ? table[senior].Version.ToString() : null, secret);
    }
}
