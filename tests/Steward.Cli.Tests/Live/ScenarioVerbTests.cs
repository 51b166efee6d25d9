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
}
