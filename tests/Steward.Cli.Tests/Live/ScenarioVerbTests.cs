using System.Text.Json.Nodes;
using Steward.Simulation.Loading;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward scenario export</c> against the real server: the fleet as a scenario the simulator reads.</summary>
public sealed class ScenarioVerbTests : LiveTest
{
    [Fact]
    public async Task Export_ToStandardOutput_IsAScenarioOfTheFleet_ForAViewer()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        var enrolled = await Agents.LogonAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6");
        var viewer = await Server.RunAsync("token", "create", "looker", "--role", "viewer", "--json");
        var token = (string)JsonNode.Parse(viewer.Out)!["secret"]!;

        var run = await InProcess.RunAsync(Server.Work.Environment(("STEWARD_URL", Server.Url), ("STEWARD_TOKEN", token)), "scenario", "export");

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Error));
        Assert.Contains("  - {code: A01, version: 2.00.1380.1000, boundaries: [10.1.0.0/16]}\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("  - {name: DC1, sites: [A01, B01]}\n", run.Out, StringComparison.Ordinal);
        Assert.Contains($"  - {{name: PC-NEW, addresses: [10.1.0.6], installed: {enrolled.VersionAfter}, sites: [B01]}}\n", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("# 1 client.\n", run.Out, StringComparison.Ordinal);
        var loaded = ScenarioLoader.Load(run.Out);
        Assert.True(loaded.Success, string.Join("\n", loaded.Problems.Select(p => p.Format("export"))));
        Assert.Equal(["A01", "B01"], loaded.Scenario!.Sites.Select(s => s.Code.ToString()));
        Assert.Equal("PC-NEW", Assert.Single(loaded.Scenario.Clients).Name);
    }

    [Fact]
    public async Task Export_ToAFile_WritesItWhole_AndNothingWhenTheServerRefuses()
    {
        await Hierarchy.Q262677Async(Server);
        var file = Path.Combine(Server.Work.Path, "fleet.yaml");

        var run = await Server.RunAsync("scenario", "export", "--output", "fleet.yaml");
        var refused = await InProcess.RunAsync(Server.Work.Environment(("STEWARD_URL", Server.Url), ("STEWARD_TOKEN", "stw_wrong")), "scenario", "export", "-o", "refused.yaml");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("written to fleet.yaml", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.True(ScenarioLoader.LoadFile(file).Success);
        Assert.Equal(ExitCodes.NotAuthorized, refused.ExitCode);
        Assert.DoesNotContain(Directory.GetFiles(Server.Work.Path), f => f.Contains("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_NamesThatYamlWouldMisread_AndSharedNames_ReadBackExactly()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        await Hierarchy.AddSiteAsync(Server, "C01", "2.00.1493.2000", "fd00::/64,10.9.0.1-10.9.0.9");
        string[] names = ["null", "true", "a: b, [c]", "#not-a-comment", "-dash", "Büro-PC", "\"quoted\" \\ back", "PC-1", "pc-1"];
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            ids[names[i]] = (await Agents.LogonAsync(Server, "DC1", secret, names[i], $"10.1.0.{i + 10}")).Enrollment!.ClientId;
        }

        var run = await Server.RunAsync("scenario", "export");

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Error));
        var loaded = ScenarioLoader.Load(run.Out);
        Assert.True(loaded.Success, string.Join("\n", loaded.Problems.Select(p => p.Format("export"))) + "\n" + run.Out);
        Assert.Equal(["fd00::/64", "10.9.0.1-10.9.0.9"], loaded.Scenario!.Sites.Single(s => s.Code.ToString() == "C01").Boundaries.Select(b => b.ToString()));
        var exported = loaded.Scenario.Clients.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(names.Length, exported.Count);
        foreach (var name in names.Where(n => n is not ("Büro-PC" or "PC-1" or "pc-1")))
        {
            Assert.Contains(name, exported);
        }

        // Not ASCII, or the second of a name: the id makes it unique.
        Assert.Contains($"Büro-PC~{ids["Büro-PC"]}", exported);
        Assert.Single(exported, n => n.Equals("PC-1", StringComparison.OrdinalIgnoreCase));
        Assert.Single(exported, n => n == $"PC-1~{ids["PC-1"]}" || n == $"pc-1~{ids["pc-1"]}");
    }
}
