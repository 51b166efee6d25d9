using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol.Admin;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>A downgrade order as the API shows it, with where the clients stand under it (decision 0023).</summary>
internal static class RollbackViews
{
    public static DowngradeOrderView Of(DowngradeOrderRow order, IReadOnlyList<RolloutClientRow> clients)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(clients);
        var policy = ToPolicy(order);
        var counts = new long[Enum.GetValues<DowngradeStanding>().Length];
        foreach (var client in clients)
        {
            counts[(int)DowngradeStandings.Of(policy, client.Installed, RolloutViews.Last(client.LastResult))]++;
        }

        return new DowngradeOrderView(
            order.Id, order.Site, order.FromVersion, order.ToVersion, DateTimeOffset.FromUnixTimeSeconds(order.OrderedAt), order.OrderedBy, order.Reason,
            order.EndedAt is { } ended ? DateTimeOffset.FromUnixTimeSeconds(ended) : null, order.EndReason,
            new RollbackProgress(
                counts[(int)DowngradeStanding.StillOnT], counts[(int)DowngradeStanding.AttemptOpen], counts[(int)DowngradeStanding.Downgraded], counts[(int)DowngradeStanding.Failed]));
    }

    /// <summary>The order as Policy decides with it.</summary>
    public static DowngradeOrder ToPolicy(DowngradeOrderRow order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new DowngradeOrder(SiteCode.ParseExact(order.Site), AgentVersion.Parse(order.FromVersion), order.Rollout);
    }
}
