using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using static Steward.Policy.Tests.Rollouts.RolloutWorld;

namespace Steward.Policy.Tests.Rollouts;

/// <summary>A decision with rollouts active allocates nothing (the target of docs/RULES.md section 4 for the hot path).</summary>
public class DecisionAllocationTests
{
    [Fact]
    public void Decisions_WithRolloutsAndOrders_AllocateNothing()
    {
        var w = new RolloutWorld(a: "2.00.1493.2000");
        w.Rollouts.Add(Rollout("A01", Sp2Hotfix, RolloutState.Spreading, window: 86_400, id: "a"));
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Pilot, id: "b"));
        w.Orders.Add(new DowngradeOrder(Make.Code("B01"), Sp2Hotfix, "old"));
        var plan = w.Plan;
        var table = w.Sites;
        var both = w.World.Set("A01", "B01");
        var b = w.World.Set("B01");
        var point = w.World.Point("DC1", "A01", "B01");
        RolloutSeat[] seats = [new(false, 50_000), new(false, 0)];
        Span<Outcome> seen = stackalloc Outcome[5];

        Run(seen);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Run(seen);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal([Outcome.Scheduled, Outcome.Upgraded, Outcome.Downgraded, Outcome.Installed, Outcome.UpToDate], seen.ToArray());

        void Run(Span<Outcome> outcomes)
        {
            outcomes[0] = Decide.Maintenance(table, new ClientFacts(Sp2, both, w.Inside), new Serving(plan, 100, seats)).Outcome;
            outcomes[1] = Decide.Maintenance(table, new ClientFacts(Sp2, both, w.Inside), new Serving(plan, 60_000, seats)).Outcome;
            outcomes[2] = Decide.Maintenance(table, new ClientFacts(Sp2Hotfix, b, w.Inside), new Serving(plan, 100, seats)).Outcome;
            outcomes[3] = Decide.Logon(table, point, new ClientFacts(null, default, w.Inside), new Serving(plan, 100, seats)).Outcome;
            outcomes[4] = Decide.Logon(table, point, new ClientFacts(Sp2, both, w.Inside), new Serving(plan, 100, seats)).Outcome;
        }
    }
}
