using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward rollout start ... --dry-run</c> against the real server: the forecast on its fleet, and nothing started.</summary>
public sealed class RolloutDryRunTests : LiveTest
{
    private const string T = "2.00.1493.2100";

    [Fact]
    public async Task DryRun_PrintsTheForecast_AndStartsNothing()
    {
        await SeedAsync();

        var text = await Server.RunAsync("rollout", "start", "b01", "--version", T, "--pilot", "pc-1", "--window", "1d", "--dry-run");
        var json = await Server.RunAsync("rollout", "start", "B01", "--version", T, "--pilot", "PC-1", "--window", "1d", "--dry-run", "--json");

        Assert.Equal((ExitCodes.Ok, ""), (text.ExitCode, text.Error));
        Assert.StartsWith("Dry run: nothing was started. The forecast for a rollout of site B01 to 2.00.1493.2100 over 1d", text.Out, StringComparison.Ordinal);
        Assert.Matches(@"  4 clients would upgrade; the last by hour \d+ \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.\n", text.Out);
        Assert.Matches(@"  At the peak, [1-4] clients would upgrade in one hour", text.Out);

        Assert.Equal((ExitCodes.Ok, ""), (json.ExitCode, json.Error));
        var forecast = JsonNode.Parse(json.Out)!;
        Assert.Equal((true, 4L), ((bool)forecast["dryRun"]!, (long)forecast["upgraded"]!));
        Assert.InRange((long)forecast["lastUpgradeHour"]!, 1L, 24 + 46 + 1);
        Assert.Equal(4L, (long)forecast["series"]!.AsArray()[^1]!["versions"]![T]!);
        Assert.Equal(4L, (long)forecast["series"]!.AsArray()[0]!["versions"]!["2.00.1493.2000"]!);

        Assert.Contains("No rollouts yet", (await Server.RunAsync("rollout", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_RefusesAPilotTheFleetLacks_AndABadWindow_WithWords()
    {
        await SeedAsync();

        var pilot = await Server.RunAsync("rollout", "start", "B01", "--version", T, "--pilot", "PC-9", "--dry-run");
        var window = await Server.RunAsync("rollout", "start", "B01", "--version", T, "--window", "3 days", "--dry-run");

        Assert.Equal(ExitCodes.InvalidInput, pilot.ExitCode);
        Assert.Contains("pilot 'PC-9': no client of the export has this name", pilot.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, window.ExitCode);
        Assert.StartsWith("steward: --window: ", window.Error, StringComparison.Ordinal);
        Assert.Contains("No rollouts yet", (await Server.RunAsync("rollout", "list")).Out, StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        await Hierarchy.PublishAsync(Server, T);
        for (var i = 1; i <= 4; i++)
        {
            await Agents.LogonAsync(Server, "DC1", secret, $"PC-{i}", $"10.2.0.{i}");
        }
    }
}
