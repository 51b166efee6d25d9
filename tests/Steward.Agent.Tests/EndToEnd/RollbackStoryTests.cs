using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Agent.Tests.EndToEnd;

/// <summary>
/// A rollback with real processes on loopback (decision 0023): the real <c>steward server</c>, packages of two native
/// builds, and real agents. Two pilot computers; one reaches T, the rollout halts, and is rolled back: the pilot on T
/// returns to F at its next maintenance cycle (not at logon), the site serves F again, and a new rollout of the site
/// ends the downgrade order.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class RollbackStoryTests(NativeAgentBuilds builds) : IDisposable
{
    private const string F = NativeAgentBuilds.Sp2;
    private const string T = NativeAgentBuilds.Sp2Hotfix;
    private const string Secret = "dc1-enrollment-secret";

    private readonly TempDirectory _temp = new("steward-e2e-rollback");

    [Fact]
    public async Task HaltedPilot_RolledBack_ThePilotOnTReturnsToFAtItsNextCycle_ANewRolloutEndsTheOrder()
    {
        await using var server = await RealServer.StartAsync(_temp.Combine("server-data"));
        foreach (var version in new[] { F, T })
        {
            await server.PublishAsync(await Q262677StoryTests.BuildPackageAsync(builds, _temp, version), version);
        }

        await server.SendAsync(HttpMethod.Post, Routes.Sites, new SiteRequest("B01", "Branch", F, ["10.2.0.0/16"]), ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView);
        await server.SendAsync(HttpMethod.Post, Routes.LogonPoints, new LogonPointRequest("DC1", ["B01"], null, Secret), ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView);
        var first = _temp.Combine("pc-1");
        var second = _temp.Combine("pc-2");
        Assert.Equal("Installed", (await LogonAsync(server, first, "PC-1", "10.2.0.1", builds.Program(F))).Outcome);
        Assert.Equal("Installed", (await LogonAsync(server, second, "PC-2", "10.2.0.2", builds.Program(F))).Outcome);

        await server.SendAsync(HttpMethod.Post, Routes.Rollouts, new RolloutStartRequest("B01", T, "sp", ["PC-1", "PC-2"], "1d", null, null),
            ProtocolJson.Default.RolloutStartRequest, ProtocolJson.Default.RolloutView);
        var up = NativeWorld.Result(await CycleAsync(first));
        Assert.Equal("Upgraded", up.Outcome);
        Assert.Equal(T, await NativeWorld.AssertWorkingAgentAsync(first));

        // The second pilot's trouble halts the rollout (here by the administrator); then it is rolled back.
        await Verb(server, "halt");
        var rolledBack = await server.SendAsync(HttpMethod.Post, Routes.RolloutVerb("sp", "rollback"), new RollbackRequest("pilot PC-2 failed"),
            ProtocolJson.Default.RollbackRequest, ProtocolJson.Default.RolloutView);
        Assert.Equal("rolledBack", rolledBack!.State);
        Assert.Equal(F, (await server.GetAsync(Routes.Site("B01"), ProtocolJson.Default.SiteView)).Version);

        // Nothing changes at logon.
        var logon = await LogonAsync(server, first, "PC-1", "10.2.0.1", NativeWorld.CurrentProgram(first));
        Assert.Equal("ClientNewer", logon.Outcome);
        Assert.Equal(T, await NativeWorld.AssertWorkingAgentAsync(first));

        // The next cycle takes it down, under the signed order, keeping T as the previous version.
        var down = NativeWorld.Result(await CycleAsync(first));
        Assert.Equal("Downgraded", down.Outcome);
        Assert.True(down.Update!.Succeeded, down.Update.Message);
        Assert.Equal(F, await NativeWorld.AssertWorkingAgentAsync(first));
        Assert.Contains(T, Directory.GetDirectories(Path.Combine(first, "versions")).Select(Path.GetFileName));
        Assert.Equal("UpToDate", NativeWorld.Result(await CycleAsync(second)).Outcome);
        Assert.Equal(F, await NativeWorld.AssertWorkingAgentAsync(second));
        var order = (await server.GetAsync(Routes.Rollout("sp"), ProtocolJson.Default.RolloutView)).Order!;
        Assert.Equal((0L, 1L), (order.Progress.StillOnT, order.Progress.Downgraded));
        Assert.Equal("UpToDate", NativeWorld.Result(await CycleAsync(first)).Outcome);

        // A new rollout of the site ends the order.
        await server.SendAsync(HttpMethod.Post, Routes.Rollouts, new RolloutStartRequest("B01", T, "sp-again", ["PC-2"], "1d", null, null),
            ProtocolJson.Default.RolloutStartRequest, ProtocolJson.Default.RolloutView);
        var ended = (await server.GetAsync(Routes.Rollout("sp"), ProtocolJson.Default.RolloutView)).Order!;
        Assert.Equal("rollout sp-again started", ended.EndReason);
    }

    private static Task<AgentRun> CycleAsync(string state) => NativeWorld.RunAsync(state, "cycle", "--json");

    private static Task<RolloutView?> Verb(RealServer server, string verb) =>
        server.SendAsync(HttpMethod.Post, Routes.RolloutVerb("sp", verb), new RollbackRequest(null), ProtocolJson.Default.RollbackRequest, ProtocolJson.Default.RolloutView);

    private static async Task<Steward.Agent.Flows.ResultDocument> LogonAsync(RealServer server, string state, string name, string address, string program)
    {
        var run = await AgentProcess.RunAsync(program, "logon", "--logon-point", new Uri(server.Origin, Routes.Logon("DC1")).ToString(), "--secret", Secret,
            "--state-dir", state, "--name", name, "--address", address, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return NativeWorld.Result(run);
    }

    public void Dispose() => _temp.Dispose();
}
