using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward rollout rollback ID [--reason TEXT]</c> against the real server.</summary>
public sealed class RollbackVerbTests : LiveTest
{
    [Fact]
    public async Task Rollback_PrintsTheOrder_ShowListsIt_ASecondRollbackIsRefused()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        await Hierarchy.PublishAsync(Server, "2.00.1493.2100");
        await Agents.LogonAsync(Server, "DC1", secret, "PC-1", "10.2.0.1");
        Assert.Equal(ExitCodes.Ok, (await Server.RunAsync("rollout", "start", "B01", "--version", "2.00.1493.2100", "--pilot", "PC-1", "--id", "sp")).ExitCode);

        var rollback = await Server.RunAsync("rollout", "rollback", "sp", "--reason", "inventory broken");
        var show = await Server.RunAsync("rollout", "show", "sp");
        var json = await Server.RunAsync("rollout", "show", "sp", "--json");
        var again = await Server.RunAsync("rollout", "rollback", "sp");

        Assert.Equal((ExitCodes.Ok, ""), (rollback.ExitCode, rollback.Error));
        Assert.StartsWith("Rolled back rollout sp of B01: site B01 serves 2.00.1493.2000 again", rollback.Out, StringComparison.Ordinal);
        Assert.Matches(@"Downgrade order [0-9a-f-]{36}: B01 from 2\.00\.1493\.2100 to 2\.00\.1493\.2000\.\n", rollback.Out);
        Assert.Contains("Rollout sp of B01: 2.00.1493.2000 → 2.00.1493.2100, rolledBack\n", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"Rolled back .* by [^:]+: inventory broken\n", show.Out);
        Assert.Contains("clients on 2.00.1493.2100 go back to 2.00.1493.2000 at their next maintenance cycle", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"downgraded\s+░{30} 0\n", show.Out);
        var order = JsonNode.Parse(json.Out)!["order"]!;
        Assert.Equal(("2.00.1493.2100", "2.00.1493.2000", "inventory broken"), ((string)order["from"]!, (string)order["to"]!, (string)order["reason"]!));
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        Assert.Contains("Cannot rollback rollout sp of B01: it is rolledBack", again.Error, StringComparison.Ordinal);
    }
}
