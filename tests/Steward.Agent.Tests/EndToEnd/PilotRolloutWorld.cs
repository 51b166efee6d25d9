using Steward.Agent.Flows;
using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Agent.Tests.EndToEnd;

/// <summary>A pilot computer of the world: its agent directory, name and address.</summary>
internal sealed record Pilot(string State, string Name, string Address);

/// <summary>
/// The world of the rollout stories (issues 13 and 14), with real processes on loopback: the real <c>steward server</c>
/// (sweeping rollouts every second), F and a package of T that fails its health check where
/// <see cref="MarkerFailingBuild.Marker"/> lies (<see cref="MarkerFailingBuild"/>), site B01 on F with logon point DC1,
/// two computers PC-1 and PC-2 enrolled on F by their logon, and rollout <see cref="Id"/> of B01 to T with both as its
/// pilot, no window, and a halt at the first failure.
/// </summary>
internal sealed record PilotRolloutWorld(RealServer Server, Pilot First, Pilot Second, TempDirectory Temp) : IAsyncDisposable
{
    public const string F = NativeAgentBuilds.Sp2;
    public const string T = NativeAgentBuilds.Sp2Hotfix;
    public const string Id = "sp";
    private const string Secret = "dc1-enrollment-secret";

    /// <summary>Builds the world in a new temporary directory named after <paramref name="story"/>, removed with the world.</summary>
    public static async Task<PilotRolloutWorld> StartAsync(NativeAgentBuilds builds, string story)
    {
        var temp = new TempDirectory(story);
        // A sweep every second: a rollout whose window has passed completes within a second, waited for by its log line.
        RealServer? server = null;
        try
        {
            server = await RealServer.StartAsync(temp.Combine("server-data"), "--Steward:RolloutSweepSeconds=1");
            await server.PublishAsync(await Q262677StoryTests.BuildPackageAsync(builds, temp, F), F);
            var failing = await RealServer.BuildPackageAsync(MarkerFailingBuild.Create(builds, T, temp.Path), T, temp.Combine($"steward-agent-{T}.zip"));
            Assert.Contains($"version {T}, entry point steward-agent, 2 files", failing.Output, StringComparison.Ordinal);
            await server.PublishAsync(failing.Archive, T);

            await server.SendAsync(HttpMethod.Post, Routes.Sites, new SiteRequest("B01", "Branch", F, ["10.2.0.0/16"]), ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView);
            await server.SendAsync(HttpMethod.Post, Routes.LogonPoints, new LogonPointRequest("DC1", ["B01"], null, Secret), ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView);
            var world = new PilotRolloutWorld(server, new Pilot(temp.Combine("pc-1"), "PC-1", "10.2.0.1"), new Pilot(temp.Combine("pc-2"), "PC-2", "10.2.0.2"), temp);
            foreach (var pilot in new[] { world.First, world.Second })
            {
                Assert.Equal("Installed", (await world.LogonAsync(pilot, builds.Program(F))).Outcome);
                Assert.Equal(F, await NativeWorld.AssertWorkingAgentAsync(pilot.State));
            }

            var started = await server.SendAsync(HttpMethod.Post, Routes.Rollouts, new RolloutStartRequest("B01", T, Id, ["PC-1", "PC-2"], "0", 1, null),
                ProtocolJson.Default.RolloutStartRequest, ProtocolJson.Default.RolloutView);
            Assert.Equal("pilot", started!.State);
            return world;
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            temp.Dispose();
            throw;
        }
    }

    /// <summary>The pilot's logon at DC1 with <paramref name="program"/>.</summary>
    public async Task<ResultDocument> LogonAsync(Pilot pilot, string program)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        var run = await AgentProcess.RunAsync(program, "logon", "--logon-point", new Uri(Server.Origin, Routes.Logon("DC1")).ToString(), "--secret", Secret,
            "--state-dir", pilot.State, "--name", pilot.Name, "--address", pilot.Address, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return NativeWorld.Result(run);
    }

    /// <summary>The pilot's maintenance cycle, run by its installed agent as the service runs it (<c>steward-agent cycle</c>).</summary>
    public static async Task<ResultDocument> CycleAsync(Pilot pilot)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        return NativeWorld.Result(await NativeWorld.RunAsync(pilot.State, "cycle", "--json"));
    }

    public Task<RolloutView> RolloutAsync(string id = Id) => Server.GetAsync(Routes.Rollout(id), ProtocolJson.Default.RolloutView);

    /// <summary>An administrator's verb on the rollout (<c>POST /v1/rollouts/{id}/{verb}</c>).</summary>
    public async Task<RolloutView> VerbAsync(string verb, string? reason = null) =>
        (await Server.SendAsync(HttpMethod.Post, Routes.RolloutVerb(Id, verb), new RollbackRequest(reason), ProtocolJson.Default.RollbackRequest, ProtocolJson.Default.RolloutView))!;

    /// <summary>The pilot's next cycle upgrades it to T, which then runs.</summary>
    public static async Task UpgradesAsync(Pilot pilot)
    {
        var up = await CycleAsync(pilot);
        Assert.Equal("Upgraded", up.Outcome);
        Assert.True(up.Update!.Succeeded, up.Update.Message);
        Assert.Equal(T, await NativeWorld.AssertWorkingAgentAsync(pilot.State));
    }

    /// <summary>
    /// The marker on the pilot, then its cycle: offered T, whose health check fails there, it stays on F with nothing left
    /// behind and reports the failure; the rollout halts by itself. The failure counts only when the report returns the
    /// attempt id of the offer (a report without one, or with another, is counted nowhere), so the count and the halt show
    /// that the agent sent it back. Returns the halted rollout.
    /// </summary>
    public async Task<RolloutView> FailsAndHaltsAsync(Pilot pilot)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        MarkerFailingBuild.Break(pilot.State);
        var failed = await CycleAsync(pilot);
        Assert.Equal("Upgraded", failed.Outcome);
        Assert.False(failed.Update!.Succeeded, "the upgrade should have failed its health check");
        Assert.Contains(MarkerFailingBuild.Words(T), failed.Update.Message, StringComparison.Ordinal);
        Assert.Equal(F, await NativeWorld.AssertWorkingAgentAsync(pilot.State));
        // Nothing of T is left but its verified download, which the agent keeps for the next offer.
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(pilot.State, "staging")));
        Assert.Equal([F], Directory.GetDirectories(Path.Combine(pilot.State, "versions")).Select(Path.GetFileName));

        var halted = await RolloutAsync();
        Assert.Equal(("halted", "pilot"), (halted.State, halted.HaltedIn));
        Assert.Equal(1, halted.Failures);
        Assert.Contains("failed to upgrade to " + T, halted.HaltReason, StringComparison.Ordinal);
        var group = Assert.Single(halted.Progress!.FailureGroups);
        Assert.Equal(1, group.Count);
        Assert.Contains(MarkerFailingBuild.Words(T), group.Message, StringComparison.Ordinal);
        return halted;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Temp.Dispose();
    }
}
