using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol;
using Steward.Protocol.Admin;
using static Steward.Agent.Tests.EndToEnd.PilotRolloutWorld;

namespace Steward.Agent.Tests.EndToEnd;

/// <summary>
/// A pilot's failed upgrade with real processes on loopback, in <see cref="PilotRolloutWorld"/>: two pilot computers
/// and a package of T that fails its health check on one of them. The automatic halt (issue 13, decision 0022): the
/// failure halts the rollout, the other pilot stays on F, and after the fix the rollout resumes and completes. The
/// rollback (issue 14, decision 0023): one pilot reached T before the other's failure halted the rollout; rolled back,
/// the pilot on T returns to F at its next maintenance cycle (not at logon), the site serves F again, and a new rollout
/// of the site ends the downgrade order.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class PilotFailureStoryTests(NativeAgentBuilds builds)
{
    [Fact]
    public async Task FirstPilotFailsItsHealthCheck_TheRolloutHalts_TheSecondStaysOnF_ResumedAfterTheFix_ItCompletes()
    {
        await using var world = await StartAsync(builds, "steward-e2e-halt");

        // The first pilot to cycle is offered T, whose health check fails there: it stays on F and the rollout halts.
        await world.FailsAndHaltsAsync(world.First);

        // The second pilot is not offered T while the rollout is halted.
        var waiting = await CycleAsync(world.Second);
        Assert.Equal("Scheduled", waiting.Outcome);
        Assert.Contains("halted", waiting.Reason, StringComparison.Ordinal);
        Assert.Null(waiting.Update);
        Assert.Equal(F, await NativeWorld.AssertWorkingAgentAsync(world.Second.State));
        Assert.Equal([F], Directory.GetDirectories(Path.Combine(world.Second.State, "versions")).Select(Path.GetFileName));

        // The fix, then the resume: both pilots reach T at their next regular cycles, and the pilot is over.
        MarkerFailingBuild.Fix(world.First.State);
        var completed = world.Server.PrintedAsync($"site B01 now serves {T} to every client");
        Assert.Equal("pilot", (await world.VerbAsync("resume")).State);
        await UpgradesAsync(world.First);
        await UpgradesAsync(world.Second);

        // Spreading with no window, it completes at the next rollout sweep.
        await completed.WaitAsync(TimeSpan.FromMinutes(2));
        var done = await world.RolloutAsync();
        Assert.Equal("complete", done.State);
        Assert.Equal((1L, 2L), (done.Failures, done.Successes));
        Assert.Equal(T, (await world.Server.GetAsync(Routes.Site("B01"), ProtocolJson.Default.SiteView)).Version);
        Assert.Equal("UpToDate", (await CycleAsync(world.First)).Outcome);
    }

    [Fact]
    public async Task HaltedPilot_RolledBack_ThePilotOnTReturnsToFAtItsNextCycle_ANewRolloutEndsTheOrder()
    {
        await using var world = await StartAsync(builds, "steward-e2e-rollback");
        var first = world.First.State;
        var second = world.Second.State;
        await UpgradesAsync(world.First);

        // The second pilot's failed health check halts the rollout; then it is rolled back.
        await world.FailsAndHaltsAsync(world.Second);
        var rolledBack = await world.VerbAsync("rollback", "pilot PC-2 failed");
        Assert.Equal("rolledBack", rolledBack.State);
        Assert.Equal(F, (await world.Server.GetAsync(Routes.Site("B01"), ProtocolJson.Default.SiteView)).Version);

        // Nothing changes at logon.
        var logon = await world.LogonAsync(world.First, NativeWorld.CurrentProgram(first));
        Assert.Equal("ClientNewer", logon.Outcome);
        Assert.Equal(T, await NativeWorld.AssertWorkingAgentAsync(first));

        // The next cycle takes it down, under the signed order, keeping T as the previous version.
        var down = await CycleAsync(world.First);
        Assert.Equal("Downgraded", down.Outcome);
        Assert.True(down.Update!.Succeeded, down.Update.Message);
        Assert.Equal(F, await NativeWorld.AssertWorkingAgentAsync(first));
        Assert.Contains(T, Directory.GetDirectories(Path.Combine(first, "versions")).Select(Path.GetFileName));
        Assert.Equal("UpToDate", (await CycleAsync(world.Second)).Outcome);
        Assert.Equal(F, await NativeWorld.AssertWorkingAgentAsync(second));
        var order = (await world.RolloutAsync()).Order!;
        Assert.Equal((0L, 1L), (order.Progress.StillOnT, order.Progress.Downgraded));
        Assert.Equal("UpToDate", (await CycleAsync(world.First)).Outcome);

        // A new rollout of the site ends the order.
        await world.Server.SendAsync(HttpMethod.Post, Routes.Rollouts, new RolloutStartRequest("B01", T, "sp-again", ["PC-2"], "1d", null, null),
            ProtocolJson.Default.RolloutStartRequest, ProtocolJson.Default.RolloutView);
        var ended = (await world.RolloutAsync()).Order!;
        Assert.Equal("rollout sp-again started", ended.EndReason);
    }
}
