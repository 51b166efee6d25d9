using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Agent.Tests.EndToEnd;

/// <summary>
/// The Q262677 story with real processes on loopback: the real <c>steward server</c>, packages built by
/// <c>steward package build</c> from three native builds of the agent and published through the admin API,
/// and real agents enrolling, patching and upgrading. Site A01 serves SP1, site B01 SP2; both share the
/// logon point DC1, whose package is B01's.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class Q262677StoryTests(NativeAgentBuilds builds) : IDisposable
{
    private const string Sp1 = NativeAgentBuilds.Sp1;
    private const string Sp2 = NativeAgentBuilds.Sp2;
    private const string Hotfix = NativeAgentBuilds.Sp2Hotfix;
    private const string Secret = "dc1-enrollment-secret";

    private readonly TempDirectory _temp = new("steward-e2e");

    [Fact]
    public async Task Story_InstallAtLogon_HotfixAtLogon_ServicePackDeferredThenAppliedByCycle()
    {
        await using var server = await RealServer.StartAsync(_temp.Combine("server-data"));
        foreach (var version in new[] { Sp1, Sp2, Hotfix })
        {
            await server.PublishAsync(await BuildPackageAsync(builds, _temp, version), version);
        }

        await server.SendAsync(HttpMethod.Post, Routes.Sites, new SiteRequest("A01", "Headquarters", Sp1, ["10.1.0.0/16"]), ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView);
        await server.SendAsync(HttpMethod.Post, Routes.Sites, new SiteRequest("B01", "Branch", Sp2, ["10.1.0.0/16", "10.2.0.0/16"]), ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView);
        await server.SendAsync(HttpMethod.Post, Routes.LogonPoints, new LogonPointRequest("DC1", ["A01", "B01"], null, Secret), ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView);

        // An SP1 computer: enrolled where only the SP1 site takes part.
        await server.SendAsync(HttpMethod.Post, Routes.LogonPoints, new LogonPointRequest("HQ", ["A01"], null, Secret), ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView);
        var old = _temp.Combine("pc-old");
        var enrolled = await LogonAsync(server, "HQ", old, "PC-OLD", "10.1.0.5", builds.Program(Sp1));
        Assert.Equal("Installed", enrolled.Outcome);
        Assert.Equal(Sp1, await NativeWorld.AssertWorkingAgentAsync(old));

        // 1. A new computer logs on at DC1: installed with the senior site's package, assigned to B01 only (no mixed install).
        var fresh = _temp.Combine("pc-new");
        var installed = await LogonAsync(server, "DC1", fresh, "PC-NEW", "10.1.0.6", builds.Program(Sp1));
        Assert.Equal("Installed", installed.Outcome);
        Assert.Equal(["B01"], installed.Sites);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(fresh));

        // 2. B01 gets a hotfix; the next logon applies it.
        await server.SendAsync(HttpMethod.Put, Routes.Site("B01") + "/version", new SiteVersionRequest(Hotfix), ProtocolJson.Default.SiteVersionRequest, ProtocolJson.Default.SiteView);
        var hotfix = await LogonAsync(server, "DC1", fresh, "PC-NEW", "10.1.0.6", NativeWorld.CurrentProgram(fresh));
        Assert.Equal("HotfixApplied", hotfix.Outcome);
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(fresh));

        // 3. The SP1 computer logs on at DC1: the service pack is not applied by a logon point; nothing is copied.
        var deferred = await LogonAsync(server, "DC1", old, "PC-OLD", "10.1.0.5", NativeWorld.CurrentProgram(old));
        Assert.Equal("DeferredToMaintenance", deferred.Outcome);
        Assert.Null(deferred.Update);
        Assert.Equal(Sp1, await NativeWorld.AssertWorkingAgentAsync(old));
        Assert.Equal([Sp1], Directory.GetDirectories(Path.Combine(old, "versions")).Select(Path.GetFileName));

        // ... its maintenance cycle applies it from its site's access point.
        var cycle = await NativeWorld.RunAsync(old, "cycle", "--json");
        Assert.True(cycle.ExitCode == 0, cycle.ToString());
        var upgraded = NativeWorld.Result(cycle);
        Assert.Equal("Upgraded", upgraded.Outcome);
        Assert.Equal("significant", upgraded.Kind);
        Assert.True(upgraded.Update!.Succeeded, upgraded.Update.Message);
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(old));

        // 4. The agent and the server agree on what happened.
        var status = NativeWorld.Status(await NativeWorld.RunAsync(old, "status", "--json"));
        Assert.Equal(Hotfix, status.Installed);
        Assert.Equal(["B01"], status.Sites);
        var history = await server.GetAsync(Routes.Client(status.ClientId!), ProtocolJson.Default.ClientHistory);
        Assert.Equal(Hotfix, history.Client.Installed);
        Assert.Equal(["B01"], history.Client.Sites);
        // The cycle asked A01's access point first (it upgraded, and A01, now incompatible, was dropped), then
        // reported at B01's, the one site left.
        Assert.Equal(["Installed", "DeferredToMaintenance", "Upgraded", "UpToDate"], history.Decisions.Select(d => d.Outcome));
        Assert.Equal(["HQ", "DC1", "A01", "B01"], history.Decisions.Select(d => d.Via));
        Assert.True(history.Client.LastUpgrade is { Succeeded: true }, $"the server has no successful upgrade report: {history.Client.LastUpgrade}");

        var again = NativeWorld.Result(await NativeWorld.RunAsync(old, "cycle", "--json"));
        Assert.Equal("UpToDate", again.Outcome);
    }

    private static async Task<Steward.Agent.Flows.ResultDocument> LogonAsync(RealServer server, string logonPoint, string state, string name, string address, string program)
    {
        var run = await AgentProcess.RunAsync(program, "logon", "--logon-point", new Uri(server.Origin, Routes.Logon(logonPoint)).ToString(), "--secret", Secret,
            "--state-dir", state, "--name", name, "--address", address, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return NativeWorld.Result(run);
    }

    // The administrator's way: `steward package build --from <published agent> --version V`.
    internal static async Task<string> BuildPackageAsync(NativeAgentBuilds builds, TempDirectory temp, string version)
    {
        var (archive, output) = await RealServer.BuildPackageAsync(builds.Directory(version), version, temp.Combine($"steward-agent-{version}.zip"));
        Assert.Contains($"version {version}, entry point steward-agent", output, StringComparison.Ordinal);
        return archive;
    }

    public void Dispose() => _temp.Dispose();
}
