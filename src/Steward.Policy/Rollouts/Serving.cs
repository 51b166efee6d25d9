using Steward.Policy.Sites;

namespace Steward.Policy.Rollouts;

/// <summary>
/// The facts a decision needs about rollouts for one client at one moment: the plan, the time, and
/// the client's seat in each active rollout of the plan (seat k for <see cref="RolloutPlan.Active"/>[k]).
/// </summary>
/// <remarks>The default value means "no rollouts": every site serves its version, as in docs/RULES.md section 3.</remarks>
public readonly ref struct Serving
{
    /// <summary>The facts for one client.</summary>
    /// <param name="plan">The rollouts of the moment.</param>
    /// <param name="now">The time.</param>
    /// <param name="seats">The client's seat in each active rollout of the plan, in the plan's order.</param>
    public Serving(RolloutPlan plan, long now, ReadOnlySpan<RolloutSeat> seats)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (seats.Length != plan.Active.Count)
        {
            throw new ArgumentException($"The plan has {plan.Active.Count} active rollouts but {seats.Length} seats were given.", nameof(seats));
        }

        Plan = plan;
        Now = now;
        Seats = seats;
        var open = SiteSet.Empty;
        var active = plan.Active;
        var k = 0;
        foreach (var site in plan.ActiveSites)
        {
            if (active[k].IsOpen(seats[k], now))
            {
                open = open.With(site);
            }

            k++;
        }

        Open = open;
    }

    /// <summary>The rollouts, or null when there are none.</summary>
    public RolloutPlan? Plan { get; }

    /// <summary>The time.</summary>
    public long Now { get; }

    /// <summary>The client's seats.</summary>
    public ReadOnlySpan<RolloutSeat> Seats { get; }

    /// <summary>The sites whose active rollout's gate is open for this client now.</summary>
    public SiteSet Open { get; }
}
