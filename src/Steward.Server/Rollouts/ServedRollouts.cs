using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>
/// The facts Policy's decisions take about rollouts on a server (decision 0012): a <see cref="RolloutPlan"/>
/// over the decision's site table from the active rollouts, and one client's seats in it. The maintenance
/// cycle and the logon point pass <c>new Serving(plan, now, seats)</c> to <c>Decide</c>; a client's key is its id.
/// </summary>
internal sealed class ServedRollouts
{
    private readonly Dictionary<string, ActiveRollout> _byId;

    /// <summary>
    /// The plan of <paramref name="active"/> (from <c>IRolloutStore.ListActiveRolloutsAsync</c>) and the standing downgrade
    /// <paramref name="orders"/> (<c>IRolloutStore.ListStandingOrdersAsync</c>) over <paramref name="sites"/>.
    /// </summary>
    public ServedRollouts(SiteTable sites, IReadOnlyList<ActiveRollout> active, IReadOnlyList<DowngradeOrderRow>? orders = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(active);
        _byId = active.ToDictionary(a => a.Row.Id, StringComparer.Ordinal);

        // A decision's table may hold only the sites at hand; a rollout or an order of another site does not concern it.
        var known = active.Where(a => sites.IndexOf(SiteCode.ParseExact(a.Row.Site)) >= 0).Select(a => a.Rollout);
        Orders = [.. (orders ?? []).Where(o => sites.IndexOf(SiteCode.ParseExact(o.Site)) >= 0)];
        Plan = new RolloutPlan(sites, known, Orders.Select(RollbackViews.ToPolicy), TimeStyle.Utc);
    }

    public RolloutPlan Plan { get; }

    /// <summary>The standing downgrade orders of the plan's sites.</summary>
    public IReadOnlyList<DowngradeOrderRow> Orders { get; }

    /// <summary>The standing order of a site of the plan, or null.</summary>
    public DowngradeOrderRow? OrderOf(SiteCode site) => Orders.FirstOrDefault(o => string.Equals(o.Site, site.ToString(), StringComparison.Ordinal));

    /// <summary>The client's seat in each active rollout of <see cref="Plan"/>, in its order.</summary>
    public RolloutSeat[] SeatsOf(string clientId)
    {
        var seats = new RolloutSeat[Plan.Active.Count];
        for (var k = 0; k < seats.Length; k++)
        {
            var rollout = Plan.Active[k];
            seats[k] = rollout.SeatOf(clientId, _byId[rollout.Id].Pilot.Contains(clientId));
        }

        return seats;
    }

    /// <summary>What the sites serve to <paramref name="clientId"/> at <paramref name="now"/>.</summary>
    public Serving ServingFor(string clientId, long now) => new(Plan, now, SeatsOf(clientId));
}
