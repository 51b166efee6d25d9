using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Steward.Agent.Layout;
using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Agent.Tests.EndToEnd;

/// <summary>
/// Signing-key rotation with real processes: native agents enrolled under key 1 by the real server, the key
/// rotated, every agent on key 2 after a cycle, key 1 retired once none pins it; an agent offline during the
/// rotation gets its next upgrade signed with key 1 and adopts key 2 in the same cycle.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class KeyRotationStoryTests(NativeAgentBuilds builds) : IDisposable
{
    private const string Sp1 = NativeAgentBuilds.Sp1;
    private const string Sp2 = NativeAgentBuilds.Sp2;
    private const string Hotfix = NativeAgentBuilds.Sp2Hotfix;
    private const string Secret = "dc1-enrollment-secret";

    private readonly TempDirectory _temp = new("steward-e2e-keys");

    [Fact]
    public async Task Rotation_EveryAgentAdoptsKey2_TheOfflineOneAtItsNextCycle_Key1Retired()
    {
        await using var server = await RealServer.StartAsync(_temp.Combine("server-data"));
        foreach (var version in new[] { Sp2, Hotfix })
        {
            var (archive, _) = await RealServer.BuildPackageAsync(builds.Directory(version), version, _temp.Combine($"steward-agent-{version}.zip"));
            await server.PublishAsync(archive, version);
        }

        await server.SendAsync(HttpMethod.Post, Routes.Sites, new SiteRequest("B01", "Branch", Sp2, ["10.2.0.0/16"]), ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView);
        await server.SendAsync(HttpMethod.Post, Routes.LogonPoints, new LogonPointRequest("DC1", ["B01"], null, Secret), ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView);
        var agents = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var state = _temp.Combine($"pc-{i}");
            var run = await AgentProcess.RunAsync(builds.Program(Sp1), "logon", "--logon-point", new Uri(server.Origin, Routes.Logon("DC1")).ToString(), "--secret", Secret,
                "--state-dir", state, "--name", $"PC-{i}", "--address", $"10.2.0.{i}", "--json");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
            agents.Add(state);
        }

        var key1 = Assert.Single(await KeysAsync(server));
        Assert.Equal((1L, "active", 3L), (key1.Number, key1.State, key1.Clients));
        Assert.All(agents, a => Assert.Equal(key1.PublicKey, PinnedKey(a)));

        using var rotate = await server.Admin.PostAsync(new Uri(Routes.KeyRotate, UriKind.Relative), null);
        Assert.True(rotate.IsSuccessStatusCode, await rotate.Content.ReadAsStringAsync());
        var key2 = (await rotate.Content.ReadFromJsonAsync(ProtocolJson.Default.KeyView))!;
        Assert.Equal(2L, key2.Number);

        // PC-1 and PC-2 cycle now (PC-3 is offline): each adopts key 2, and says so at its next cycle.
        foreach (var online in agents.Take(2))
        {
            var cycle = await NativeWorld.RunAsync(online, "cycle", "--json");
            Assert.True(cycle.ExitCode == 0, cycle.ToString());
            Assert.Equal("UpToDate", NativeWorld.Result(cycle).Outcome);
            Assert.Equal(key2.PublicKey, PinnedKey(online));
            Assert.Equal(0, (await NativeWorld.RunAsync(online, "cycle", "--json")).ExitCode);
        }

        Assert.Equal([(1L, "endorsed", 1L), (2L, "active", 2L)], (await KeysAsync(server)).Select(k => (k.Number, k.State, k.Clients)));

        // A hotfix meanwhile: PC-3, back, gets it signed with key 1 (the key it pins) and adopts key 2 in the same cycle.
        await server.SendAsync(HttpMethod.Put, Routes.Site("B01") + "/version", new SiteVersionRequest(Hotfix), ProtocolJson.Default.SiteVersionRequest, ProtocolJson.Default.SiteView);
        var back = await NativeWorld.RunAsync(agents[2], "cycle", "--json");
        Assert.True(back.ExitCode == 0, back.ToString());
        var upgraded = NativeWorld.Result(back);
        Assert.Equal("Upgraded", upgraded.Outcome);
        Assert.True(upgraded.Update!.Succeeded, upgraded.Update.Message);
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(agents[2]));
        Assert.Equal(key2.PublicKey, PinnedKey(agents[2]));
        Assert.Equal("UpToDate", NativeWorld.Result(await NativeWorld.RunAsync(agents[2], "cycle", "--json")).Outcome);

        // Nobody pins key 1 any more: retired, its private key erased. The others upgrade under key 2.
        Assert.Equal([(1L, "retired", 0L), (2L, "active", 3L)], (await KeysAsync(server)).Select(k => (k.Number, k.State, k.Clients)));
        foreach (var online in agents.Take(2))
        {
            var cycle = await NativeWorld.RunAsync(online, "cycle", "--json");
            Assert.True(cycle.ExitCode == 0, cycle.ToString());
            Assert.True(NativeWorld.Result(cycle).Update!.Succeeded, cycle.ToString());
            Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(online));
        }
    }

    private static async Task<IReadOnlyList<KeyView>> KeysAsync(RealServer server) => await server.GetAsync(Routes.Keys, ProtocolJson.Default.IReadOnlyListKeyView);

    private static string? PinnedKey(string state) => (string?)JsonNode.Parse(File.ReadAllText(new AgentLayout(state).StateFile))!["serverKey"];

    public void Dispose() => _temp.Dispose();
}
