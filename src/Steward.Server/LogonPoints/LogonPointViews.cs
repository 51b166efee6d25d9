using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.LogonPoints;

/// <summary>Logon point rows as the API shows them, with the senior site and package they have now.</summary>
internal static class LogonPointViews
{
    /// <summary>The view of <paramref name="row"/>; with <paramref name="rollouts"/> (the active ones), what they change of its package.</summary>
    public static async Task<LogonPointView> OfAsync(
        LogonPointRow row, IStewardStore store, SiteTableBuilder tables, string? secret, IReadOnlyList<ActiveRollout>? rollouts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tables);
        var table = tables.Build(await store.FindSitesAsync(row.Sites, cancellationToken).ConfigureAwait(false));
        var named = row.Senior is null ? -1 : table.IndexOf(SiteCode.ParseExact(row.Senior));
        return Of(row, table, new LogonPoint(row.Name, SiteTableBuilder.Indices(table, row.Sites), named), secret, rollouts);
    }

    /// <summary>
    /// The view of <paramref name="row"/> as <paramref name="point"/> over <paramref name="table"/> (any table that holds
    /// its sites); with <paramref name="rollouts"/> (the active ones), what they change of its package. The API and the
    /// console's logon points page both show this.
    /// </summary>
    public static LogonPointView Of(LogonPointRow row, SiteTable table, in LogonPoint point, string? secret, IReadOnlyList<ActiveRollout>? rollouts)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(table);
        var senior = point.SeniorSite(table);
        var package = senior >= 0 ? table[senior].Version : (Policy.Versions.AgentVersion?)null;
        var view = new LogonPointView(row.Name, row.Sites, row.Senior, senior >= 0 ? table[senior].Code.ToString() : null, package?.ToString(), secret);
        var mine = (rollouts ?? []).Where(r => row.Sites.Contains(r.Row.Site, StringComparer.Ordinal)).ToList();
        if (mine.Count == 0)
        {
            return view;
        }

        // During a rollout the senior site is found with the versions served to the computer at hand: F or T.
        var whenT = LogonPointPackages.WhenServedT(table, point, mine.Select(r => r.Rollout));
        return view with
        {
            RolloutPackageVersion = whenT is { } t && t != package ? t.ToString() : null,
            Rollouts = [.. mine.Select(r => $"{r.Row.Id} of {r.Row.Site} ({r.Row.State})")],
        };
    }
}
