using Steward.Policy.Rollouts;
using static Steward.Policy.Tests.Rollouts.RolloutWorld;

namespace Steward.Policy.Tests.Rollouts;

/// <summary>docs/RULES.md section 4, "Lifecycle" and "The automatic halt", sentence by sentence.</summary>
public class LifecycleTests
{
    private static RolloutRequest Request(int pilot = 1, long window = 86_400, int haltFailures = 5, string haltRate = "0.05") =>
        new("sp2", Make.Code("B01"), Sp2, pilot, window, haltFailures, Rate.ParseExact(haltRate));

    private static Rollout Started(int pilot = 1, long window = 86_400, int haltFailures = 5, string haltRate = "0.05", long now = 100) =>
        RolloutLifecycle.Start(Request(pilot, window, haltFailures, haltRate), Sp1, null, false, now).Rollout!;

    [Fact]
    public void Start_WithAPilot_IsInPilot_FromTheSitesVersion()
    {
        var change = RolloutLifecycle.Start(Request(), Sp1, null, false, 100);
        Assert.True(change.Applied);
        Assert.Equal(RolloutState.Pilot, change.Rollout!.State);
        Assert.Equal(Sp1, change.Rollout.From);
        Assert.Equal(100, change.Rollout.Started);
    }

    [Fact]
    public void Start_WithoutAPilot_SpreadsAtOnce()
    {
        var rollout = Started(pilot: 0);
        Assert.Equal(RolloutState.Spreading, rollout.State);
        Assert.Equal(100, rollout.SpreadStart);
    }

    [Fact]
    public void Start_WhenEveryPilotClientAlreadyRunsT_SpreadsAtOnce() =>
        Assert.Equal(RolloutState.Spreading, RolloutLifecycle.Start(Request(), Sp1, null, true, 5).Rollout!.State);

    [Fact]
    public void Start_IsRefused_WhenTheSiteHasAnActiveRollout_OrTIsNotNewer()
    {
        var active = RolloutLifecycle.Start(Request(), Sp1, Started(), false, 0);
        var notNewer = RolloutLifecycle.Start(Request(), Sp2, null, false, 0);
        Assert.False(active.Applied);
        Assert.Null(active.Rollout);
        Assert.Contains("at most one active rollout", active.Reason, StringComparison.Ordinal);
        Assert.False(notNewer.Applied);
        Assert.Contains("newer", notNewer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pilot_SpreadsWhenEveryPilotClientRunsT_OrByPromote_AndPromoteIsOnlyForPilot()
    {
        var pilot = Started();
        Assert.Null(RolloutLifecycle.PilotSucceeded(pilot, false, 200));
        var spread = RolloutLifecycle.PilotSucceeded(pilot, true, 200)!.Rollout!;
        Assert.Equal((RolloutState.Spreading, 200L), (spread.State, spread.SpreadStart));

        var promoted = RolloutLifecycle.Promote(pilot, 300);
        Assert.Equal((RolloutState.Spreading, 300L), (promoted.Rollout!.State, promoted.Rollout.SpreadStart));
        Assert.False(RolloutLifecycle.Promote(spread, 400).Applied);
    }

    [Fact]
    public void OnlyASpreadingRollout_Completes_AtSpreadStartPlusW()
    {
        var spreading = Started(pilot: 0, window: 1_000);
        Assert.Null(RolloutLifecycle.CompleteIfDue(spreading, 1_099));
        var complete = RolloutLifecycle.CompleteIfDue(spreading, 5_000)!.Rollout!;
        Assert.Equal((RolloutState.Complete, 1_100L), (complete.State, complete.EndedAt));
        Assert.Null(RolloutLifecycle.CompleteIfDue(Started(window: 0), 5_000));
    }

    [Fact]
    public void Resume_IntoSpreading_MovesSpreadStartByTheTimeHalted()
    {
        var spreading = Started(pilot: 0, window: 1_000);
        var halted = RolloutLifecycle.Halt(spreading, 300).Rollout!;
        var resumed = RolloutLifecycle.Resume(halted, false, 800).Rollout!;
        Assert.Equal(RolloutState.Halted, halted.State);
        Assert.Equal(RolloutState.Spreading, resumed.State);
        Assert.Equal(600, resumed.SpreadStart);
        Assert.Equal(1_600, resumed.CompletesAt);
    }

    [Fact]
    public void Resume_IntoPilot_SpreadsAtOnce_WhenEveryPilotClientNowRunsT()
    {
        var halted = RolloutLifecycle.Halt(Started(), 150).Rollout!;
        Assert.Equal(RolloutState.Pilot, RolloutLifecycle.Resume(halted, false, 200).Rollout!.State);
        var spread = RolloutLifecycle.Resume(halted, true, 200).Rollout!;
        Assert.Equal((RolloutState.Spreading, 200L), (spread.State, spread.SpreadStart));
    }

    [Fact]
    public void HaltAndResume_AreRefusedInOtherStates()
    {
        var halted = RolloutLifecycle.Halt(Started(), 150).Rollout!;
        Assert.False(RolloutLifecycle.Halt(halted, 160).Applied);
        Assert.False(RolloutLifecycle.Resume(Started(), false, 160).Applied);
        var refused = RolloutLifecycle.Halt(RolloutLifecycle.Abort(Started(), 1).Rollout!, 2);
        Assert.False(refused.Applied);
        Assert.Equal("Cannot halt rollout sp2 of B01: it is aborted, and only a rollout in pilot or spreading can be halted.", refused.Reason);
    }

    [Fact]
    public void Abort_EndsAnActiveRollout_Only()
    {
        var aborted = RolloutLifecycle.Abort(Started(), 10);
        Assert.Equal(RolloutState.Aborted, aborted.Rollout!.State);
        Assert.False(RolloutLifecycle.Abort(aborted.Rollout, 11).Applied);
    }

    [Fact]
    public void Rollback_OfAnActiveOrCompleteRollout_Applies_ButNotOfASupersededOne()
    {
        var complete = RolloutLifecycle.CompleteIfDue(Started(pilot: 0, window: 0), 100)!.Rollout!;
        Assert.Equal(RolloutState.RolledBack, RolloutLifecycle.Rollback(Started(), 10).Rollout!.State);
        Assert.Equal(RolloutState.RolledBack, RolloutLifecycle.Rollback(complete, 10).Rollout!.State);
        Assert.False(RolloutLifecycle.Rollback(complete with { Superseded = true }, 10).Applied);
        Assert.False(RolloutLifecycle.Rollback(RolloutLifecycle.Abort(Started(), 1).Rollout!, 10).Applied);
    }

    [Fact]
    public void APilotClientsFailure_Halts_InPilotOrSpreading()
    {
        var change = RolloutLifecycle.Count(Started(), failed: true, "PC-1", 500);
        Assert.True(change.Applied);
        Assert.Equal(RolloutState.Halted, change.Rollout!.State);
        Assert.Equal(RolloutState.Pilot, change.Rollout.HaltedIn);
        Assert.Equal("Rollout sp2 of B01 is halted: pilot client PC-1 failed to upgrade to 2.00.1493.2000.", change.Reason);
    }

    [Fact]
    public void TheRateRule_HaltsExactlyAtTheThreshold_AndNeedsHaltFailures()
    {
        // 74 successes, then failures: the 4th failure is 4 of 78 (5.1 %), but haltFailures is 5; the 5th
        // is 5 of 79 (6.3 %). With 95 successes the 5th failure is 5 of 100: exactly 5 %, which halts.
        var rollout = Started(pilot: 0) with { Successes = 95 };
        for (var i = 0; i < 4; i++)
        {
            var counted = RolloutLifecycle.Count(rollout, true, null, 1);
            Assert.False(counted.Applied);
            rollout = counted.Rollout!;
        }

        var fifth = RolloutLifecycle.Count(rollout, true, null, 2);
        Assert.True(fifth.Applied);
        Assert.Equal("Rollout sp2 of B01 is halted: 5 of 100 upgrades failed (5 % ≥ 5 %).", fifth.Reason);

        var below = RolloutLifecycle.Count(Started(pilot: 0) with { Successes = 96, Failures = 4 }, true, null, 2);
        Assert.False(below.Applied); // 5 of 101 is 4.95 %
    }

    [Fact]
    public void TheRateRule_MatchesTheSpecsExample()
    {
        var rollout = Started(pilot: 0) with { Successes = 74, Failures = 5 };
        var change = RolloutLifecycle.Count(rollout, true, null, 1);
        Assert.Equal("Rollout sp2 of B01 is halted: 6 of 80 upgrades failed (7.5 % ≥ 5 %).", change.Reason);
    }

    [Fact]
    public void Counts_AreKeptAcrossResume_AndAHaltedRolloutCountsWithoutChangingState()
    {
        var halted = RolloutLifecycle.Halt(Started(pilot: 0) with { Successes = 3, Failures = 1 }, 10).Rollout!;
        var counted = RolloutLifecycle.Count(halted, true, "PC-1", 11);
        Assert.False(counted.Applied);
        Assert.Equal(RolloutState.Halted, counted.Rollout!.State);
        var resumed = RolloutLifecycle.Resume(counted.Rollout, false, 20).Rollout!;
        Assert.Equal((3L, 2L), (resumed.Successes, resumed.Failures));
    }

    [Fact]
    public void ASuccess_CountsAndNeverHalts()
    {
        var counted = RolloutLifecycle.Count(Started(haltFailures: 0, haltRate: "0"), false, "PC-1", 1);
        Assert.False(counted.Applied);
        Assert.Equal(1, counted.Rollout!.Successes);
    }

    [Fact]
    public void HaltFailuresZeroAndRateZero_HaltAtTheFirstFailure() =>
        Assert.True(RolloutLifecycle.Count(Started(pilot: 0, haltFailures: 0, haltRate: "0"), true, null, 1).Applied);

    [Fact]
    public void Seats_FollowTheHashOfIdAndKey()
    {
        var rollout = Started(window: 86_400);
        var seat = rollout.SeatOf("PC-1", pilot: false);
        Assert.Equal(RolloutHash.Scale(86_400, 3047955441140556133UL), seat.Offset);
        Assert.Equal(0, Started(window: 0).SeatOf("PC-1", false).Offset);
    }
}

/// <summary>Lifecycle sentences tell moments in the caller's style: a server's are UTC dates.</summary>
public class LifecycleTimeStyleTests
{
    [Fact]
    public void AServersCompletion_IsToldAsAUtcDate()
    {
        var start = new DateTimeOffset(2026, 12, 2, 14, 20, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var request = new RolloutRequest("sp2", Make.Code("B01"), RolloutWorld.Sp2, 0, 3 * 86_400, 5, Steward.Policy.Rollouts.Rollout.DefaultHaltRate);
        var spreading = RolloutLifecycle.Start(request, RolloutWorld.Sp1, null, false, start).Rollout!;
        var complete = RolloutLifecycle.CompleteIfDue(spreading, start + (4 * 86_400), TimeStyle.Utc)!;
        Assert.Contains("completed at 2026-12-05 14:20 UTC", complete.Reason, StringComparison.Ordinal);
    }
}
