using Steward.Agent.Layout;
using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Flows;

/// <summary>The real native agent's commands against a fake site server on loopback.</summary>
[Collection(NativeAgentCollection.Name)]
public sealed class NativeAgentTests(NativeAgentBuilds builds)
{
    private const string Sp1 = NativeAgentBuilds.Sp1;
    private const string Sp2 = NativeAgentBuilds.Sp2;
    private const string Hotfix = NativeAgentBuilds.Sp2Hotfix;

    [Fact]
    public async Task Version_Json_ReportsTheBuiltVersion()
    {
        var run = await AgentProcess.RunAsync(builds.Program(Hotfix), "version", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"program\":\"steward-agent\",\"version\":\"2.00.1493.2001\"}", run.Out.Trim());
    }

    [Fact]
    public async Task Logon_NewComputer_InstallsEnrollsAndPinsTheKey()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = world.Temp.Combine("pc");
        world.Server.Logon = request => world.Installed(Sp2, request);

        var run = await AgentProcess.RunAsync(builds.Program(Sp1), "logon", "--logon-point", world.Server.LogonPoint.ToString(), "--secret", NativeWorld.Secret,
            "--state-dir", state, "--address", "10.1.0.5", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = NativeWorld.Result(run);
        Assert.Equal("Installed", result.Outcome);
        Assert.Equal(Sp2, result.VersionAfter);
        Assert.True(result.Update!.Succeeded);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
        NativeWorld.AssertNoLeftovers(state);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(state, "state.json")));
        var status = NativeWorld.Status(await NativeWorld.RunAsync(state, "status", "--json"));
        Assert.Equal(Sp2, status.Installed);
        Assert.True(status.Enrolled);
        Assert.Equal(["B01"], status.Sites);
        Assert.Single(world.Server.Reports, r => r.Succeeded && r.Version == Sp2);
    }

    [Fact]
    public async Task Install_ShowsProgressAndAPlainResult()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        world.Server.Logon = request => world.Installed(Sp2, request);

        var run = await AgentProcess.RunAsync(builds.Program(Sp2), "install", "--logon-point", world.Server.LogonPoint.ToString(), "--secret", NativeWorld.Secret,
            "--state-dir", world.Temp.Combine("pc"), "--address", "10.1.0.5");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("contacting the logon point", run.Error, StringComparison.Ordinal);
        Assert.Contains("downloaded", run.Error, StringComparison.Ordinal);
        Assert.Contains("Installed: installed 2.00.1493.2000", run.Out, StringComparison.Ordinal);
        Assert.Contains("Done: Installed version 2.00.1493.2000.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logon_Deferred_CopiesNothingAndSaysSo()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp1);
        var downloads = world.Server.Ranges.Count;
        world.Server.Logon = _ => new("DeferredToMaintenance", "a significant upgrade comes only through the maintenance cycle", Sp1, ["B01"], null, null,
            world.Signer.PublicKey, world.Server.AccessPoints("B01"));

        var run = await NativeWorld.RunAsync(state, "logon", "--logon-point", world.Server.LogonPoint.ToString(), "--secret", NativeWorld.Secret);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("DeferredToMaintenance: Nothing was copied or run:", run.Out, StringComparison.Ordinal);
        Assert.Equal(downloads, world.Server.Ranges.Count);
        Assert.Equal([Sp1], new VersionStore(new AgentLayout(state)).Directories());
    }

    [Fact]
    public async Task Logon_ServerKeyChanged_RefusesThePackage()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        using var other = new PackageSigner();
        world.Server.Logon = request => world.Installed(Hotfix, request) with { Outcome = "HotfixApplied", Enrollment = null, ServerKey = other.PublicKey };

        var run = await NativeWorld.RunAsync(state, "logon", "--logon-point", world.Server.LogonPoint.ToString(), "--secret", NativeWorld.Secret);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not the key pinned at enrollment", run.Out, StringComparison.Ordinal);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
    }

    [Fact]
    public async Task Logon_ServerKeyGivenByTheAdministrator_RefusesAPackageSignedByAnotherKey()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = world.Temp.Combine("pc");
        using var genuine = new PackageSigner();
        world.Server.Logon = request => world.Installed(Sp2, request);

        var run = await AgentProcess.RunAsync(builds.Program(Sp2), "logon", "--logon-point", world.Server.LogonPoint.ToString(), "--secret", NativeWorld.Secret,
            "--state-dir", state, "--address", "10.1.0.5", "--server-key", genuine.PublicKey);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not the key pinned at enrollment", run.Out, StringComparison.Ordinal);
        Assert.Null(NativeWorld.Status(await AgentProcess.RunAsync(builds.Program(Sp2), "status", "--json", "--state-dir", state)).Installed);
    }

    [Fact]
    public async Task Cycle_Upgraded_InstallsReportsAndTheNextCycleSendsTheNewVersion()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp1);
        world.Server.Cycle = (_, request) => request.Installed == Sp2 ? world.UpToDate(Sp2) : world.Upgraded(Sp2, request, "significant");

        var run = await NativeWorld.RunAsync(state, "cycle", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Upgraded", NativeWorld.Result(run).Outcome);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
        Assert.Equal([Sp1, Sp2], new VersionStore(new AgentLayout(state)).Directories());
        Assert.Contains(world.Server.Reports, r => r.Succeeded && r.Version == Sp2 && r.Running == Sp2);
        Assert.StartsWith("Basic ", world.Server.Authorizations.Last(), StringComparison.Ordinal);

        var again = await NativeWorld.RunAsync(state, "cycle", "--json");

        Assert.Equal("UpToDate", NativeWorld.Result(again).Outcome);
        Assert.Equal(Sp2, world.Server.Cycles.Last().Installed);
        Assert.Equal(["10.1.0.5"], world.Server.Cycles.Last().Addresses);
    }

    [Fact]
    public async Task Cycle_ServerDown_FailsClearlyAndLeavesTheAgentAsItWas()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        await world.Server.DisposeAsync();

        var run = await NativeWorld.RunAsync(state, "cycle");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Failed: Cannot reach", run.Out, StringComparison.Ordinal);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
        Assert.Contains("Failed", (await NativeWorld.RunAsync(state, "status")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cycle_DamagedState_IsReportedAndNothingIsRemoved()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        await File.WriteAllTextAsync(Path.Combine(state, "state.json"), "{ garbage");

        var run = await NativeWorld.RunAsync(state, "cycle");
        var status = await NativeWorld.RunAsync(state, "status");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("is damaged", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, status.ExitCode);
        Assert.Contains("Installed version: 2.00.1493.2000", status.Out, StringComparison.Ordinal);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
    }

    [Fact]
    public async Task Cycle_NotEnrolled_SaysToLogOnFirst()
    {
        await using var world = await NativeWorld.StartAsync(builds);

        var run = await AgentProcess.RunAsync(builds.Program(Sp2), "cycle", "--state-dir", world.Temp.Combine("new"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("has not enrolled", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AfterInstallingANewVersion_StopsSoTheServiceManagerStartsTheNewOne()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        world.Server.Cycle = (_, request) => request.Installed == Hotfix ? world.UpToDate(Hotfix) : world.Upgraded(Hotfix, request);

        var run = await NativeWorld.RunAsync(state, "run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("the service stops so that it is started again as the new version", run.Error, StringComparison.Ordinal);
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(state));
    }

    [Fact]
    public async Task Run_CyclesOnTheIntervalAndBacksOffAfterFailures()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        var calls = 0;
        world.Server.Cycle = (_, _) => Interlocked.Increment(ref calls) % 2 == 0 ? throw new InvalidOperationException("server trouble") : world.UpToDate(Sp2);

        var (killed, run) = await AgentProcess.KillAtAsync(NativeWorld.CurrentProgram(state), "(after 1 failed cycle)", TimeSpan.Zero,
            "run", "--state-dir", state, "--interval", "50ms", "--jitter", "0s", "--retry-min", "10ms", "--retry-max", "20ms");

        Assert.True(killed, run.ToString());
        Assert.Contains("next maintenance cycle in 0.00:00:00 (after 1 failed cycle)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cycle_WhileAnotherAgentHoldsTheDirectory_DoesNothingAndSaysSo()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        var cycles = world.Server.Cycles.Count;
        using var held = AgentLock.TryTake(new AgentLayout(state));
        Assert.NotNull(held);

        var run = await NativeWorld.RunAsync(state, "cycle");
        var status = await NativeWorld.RunAsync(state, "status");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("another steward-agent is working in", run.Error, StringComparison.Ordinal);
        Assert.Equal(cycles, world.Server.Cycles.Count);
        Assert.Equal(0, status.ExitCode);
    }

    [Fact]
    public async Task BadCommandLine_ExitsWithTwoAndSaysWhy()
    {
        var run = await AgentProcess.RunAsync(builds.Program(Sp2), "logon", "--secret", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--logon-point URL is required", run.Error, StringComparison.Ordinal);
    }
}
