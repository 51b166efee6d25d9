using Steward.Policy.Sites;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>
/// The active rollouts and the rollout clock's time, read for one decision (docs/RULES.md section 4): a cycle
/// or a logon decides with the versions the sites serve to this client now. The clock is read only when a
/// rollout is active, so that a server without rollouts decides as it did before them.
/// </summary>
internal sealed class LiveRollouts(IRolloutStore store, IRolloutClock clock)
{
    public async ValueTask<RolloutMoment> ReadAsync(CancellationToken cancellationToken)
    {
        var (active, orders) = await store.ReadLiveRolloutsAsync(cancellationToken).ConfigureAwait(false);
        return active.Count == 0 && orders.Count == 0 ? RolloutMoment.None : new RolloutMoment(active, await clock.NowAsync(cancellationToken).ConfigureAwait(false), orders);
    }
}

/// <summary>The active rollouts and standing downgrade orders at one moment (Unix seconds on the rollout clock).</summary>
internal sealed class RolloutMoment(IReadOnlyList<ActiveRollout> active, long now, IReadOnlyList<DowngradeOrderRow>? orders = null)
{
    public static RolloutMoment None { get; } = new([], 0);

    public IReadOnlyList<ActiveRollout> Active { get; } = active;

    public long Now { get; } = now;

    /// <summary>The downgrade orders that stand (at most one per site, decision 0023).</summary>
    public IReadOnlyList<DowngradeOrderRow> Orders { get; } = orders ?? [];

    /// <summary>The rollouts and orders of the decision's sites, or null when none of them has either (every site serves its version).</summary>
    public ServedRollouts? For(SiteTable table)
    {
        if (Active.Count == 0 && Orders.Count == 0)
        {
            return null;
        }

        var served = new ServedRollouts(table, Active, Orders);
        return served.Plan.Active.Count == 0 && served.Plan.OrderedSites.IsEmpty ? null : served;
    }

    /// <summary>
    /// What the rollouts of <paramref name="sites"/> put into a kept answer's key for this client: each one's id,
    /// revision (every change of state moves it on) and whether the client's gate is open now.
    /// </summary>
    public RolloutGates GatesOf(string clientId, IReadOnlyList<SiteRow> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (Active.Count == 0)
        {
            return default;
        }

        var gates = new List<RolloutGate>();
        foreach (var active in Active)
        {
            if (!sites.Any(s => string.Equals(s.Code, active.Row.Site, StringComparison.Ordinal)))
            {
                continue;
            }

            var rollout = active.Rollout;
            var seat = rollout.SeatOf(clientId, active.Pilot.Contains(clientId));
            gates.Add(new RolloutGate(active.Row.Id, active.Row.Revision, rollout.IsOpen(seat, Now)));
        }

        return new RolloutGates([.. gates]);
    }
}

/// <summary>One rollout as a kept answer depends on it.</summary>
internal readonly record struct RolloutGate(string Id, long Revision, bool Open);

/// <summary>The gates of a client's rollouts, compared one by one, in order.</summary>
internal readonly struct RolloutGates(RolloutGate[] gates) : IEquatable<RolloutGates>
{
    private readonly RolloutGate[] _gates = gates ?? [];

    public bool Equals(RolloutGates other) => (_gates ?? []).AsSpan().SequenceEqual(other._gates ?? []);

    public override bool Equals(object? obj) => obj is RolloutGates other && Equals(other);

    public override int GetHashCode() => (_gates ?? []).Length;

    public static bool operator ==(RolloutGates left, RolloutGates right) => left.Equals(right);

    public static bool operator !=(RolloutGates left, RolloutGates right) => !left.Equals(right);
}
