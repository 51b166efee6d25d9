using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward client list|show</c> and <c>steward status</c> against the real server, with clients enrolled at a logon point.</summary>
public sealed class ClientVerbTests : LiveTest
{
    [Fact]
    public async Task List_ShowsEnrolledClients_FiltersBySiteAndOutcome()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        await Agents.LogonAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6");
        await Agents.LogonAsync(Server, "DC1", secret, "PC-FAR", "10.2.0.9");

        var all = await Server.RunAsync("client", "list");
        var json = await Server.RunAsync("client", "list", "--site", "B01", "--json");
        var onlyA = await Server.RunAsync("client", "list", "--site", "A01");
        var none = await Server.RunAsync("client", "list", "--outcome", "NotInBoundaries");

        Assert.Equal((ExitCodes.Ok, ""), (all.ExitCode, all.Error));
        Assert.Matches(@"│ PC-NEW │ 2\.00\.1493\.2000 │ B01\s+│ Installed\s+│", all.Out);
        Assert.EndsWith("2 clients.\n", all.Out, StringComparison.Ordinal);
        Assert.Equal(["PC-FAR", "PC-NEW"], JsonNode.Parse(json.Out)!.AsArray().Select(c => (string)c!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal("No clients match.\n", onlyA.Out);
        Assert.Equal("No clients match.\n", none.Out);
    }

    [Fact]
    public async Task List_Inactive_AsksTheServerForThoseNotSeenForItsInactiveDays()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        await Agents.LogonAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6");

        var inactive = await Server.RunAsync("client", "list", "--inactive");
        var all = await Server.RunAsync("client", "list");

        // Enrolled a moment ago: seen within the server's 7 days, so not inactive.
        Assert.Equal((ExitCodes.Ok, "No clients match.\n"), (inactive.ExitCode, inactive.Out));
        Assert.EndsWith("1 client.\n", all.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Limit_SaysWhereToGoOn_AndAfterGoesOn()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        foreach (var i in Enumerable.Range(1, 3))
        {
            await Agents.LogonAsync(Server, "DC1", secret, $"PC-{i}", $"10.1.0.{i}");
        }

        var ids = JsonNode.Parse((await Server.RunAsync("client", "list", "--json")).Out)!.AsArray().Select(c => (string)c!["id"]!).ToList();
        var first = await Server.RunAsync("client", "list", "--limit", "2");
        var firstJson = await Server.RunAsync("client", "list", "--limit", "2", "--json");
        var rest = await Server.RunAsync("client", "list", "--after", ids[1], "--json");

        Assert.Equal(3, ids.Count);
        Assert.EndsWith($"2 clients; more follow: add --after {ids[1]} (or a larger --limit).\n", first.Out, StringComparison.Ordinal);
        Assert.Equal(ids[..2], JsonNode.Parse(firstJson.Out)!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal([ids[2]], JsonNode.Parse(rest.Out)!.AsArray().Select(c => (string)c!["id"]!));
    }

    [Fact]
    public async Task List_BadFilter_FieldErrorFromTheServer()
    {
        await Hierarchy.Q262677Async(Server);

        var run = await Server.RunAsync("client", "list", "--outcome", "Exploded", "--version", "2.0");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Equal("steward: The request is not valid.", lines[0]);
        Assert.StartsWith("  outcome: 'Exploded' is not an outcome word", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  version: '2.0' is not a version", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_PrintsEveryDecisionWithItsReason()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        var logon = await Agents.LogonAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6");
        var id = logon.Enrollment!.ClientId;

        var table = await Server.RunAsync("client", "show", id);
        var json = await Server.RunAsync("client", "show", id, "--json");

        Assert.Equal((ExitCodes.Ok, ""), (table.ExitCode, table.Error));
        Assert.Contains($"PC-NEW ({id})", table.Out, StringComparison.Ordinal);
        Assert.Contains("logon via DC1", table.Out, StringComparison.Ordinal);
        Assert.Contains("none → 2.00.1493.2000", table.Out, StringComparison.Ordinal);
        var history = JsonNode.Parse(json.Out)!;
        var decision = Assert.Single(history["decisions"]!.AsArray())!;
        Assert.Equal("Installed", (string)decision["outcome"]!);
        AssertPrintedWhole((string)decision["reason"]!, table.Out);
    }

    [Fact]
    public async Task Show_TwoDecisions_OldestFirst_EachWithItsOutcomeAndReason()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        var first = await Agents.LogonAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6");
        var second = await Agents.LogonAgainAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6", first.Enrollment!, first.VersionAfter!);

        var table = await Server.RunAsync("client", "show", first.Enrollment!.ClientId);

        Assert.Equal(("Installed", "UpToDate"), (first.Outcome, second.Outcome));
        var installed = table.Out.IndexOf("│ Installed ", StringComparison.Ordinal);
        var upToDate = table.Out.IndexOf("│ UpToDate ", StringComparison.Ordinal);
        Assert.True(installed > 0 && upToDate > installed, table.Out);
        AssertPrintedWhole(second.Reason, table.Out);
    }

    [Fact]
    public async Task Travel_OnThenOff_EachInTheHistory_AWrongWordIsAUsageError()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        var id = (await Agents.LogonAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6")).Enrollment!.ClientId;

        var on = await Server.RunAsync("client", "travel", id, "on");
        var json = await Server.RunAsync("client", "travel", id, "off", "--json");
        var show = await Server.RunAsync("client", "show", id);
        var wrong = await Server.RunAsync("client", "travel", id, "sideways");
        var nobody = await Server.RunAsync("client", "travel", "no-such-client", "on");

        Assert.Equal((ExitCodes.Ok, ""), (on.ExitCode, on.Error));
        Assert.StartsWith($"Travel mode of PC-NEW ({id}) is on;", on.Out, StringComparison.Ordinal);
        Assert.False((bool)JsonNode.Parse(json.Out)!["travel"]!);
        AssertPrintedWhole("Travel mode turned on by token admin:", show.Out);
        AssertPrintedWhole("Travel mode turned off by token admin:", show.Out);
        Assert.Equal(ExitCodes.InvalidInput, wrong.ExitCode);
        Assert.Equal((ExitCodes.Refused, "steward: there is no client 'no-such-client'\n"), (nobody.ExitCode, nobody.Error));
    }

    [Fact]
    public async Task Show_UnknownClient_Refused()
    {
        var run = await Server.RunAsync("client", "show", "no-such-client");

        Assert.Equal((ExitCodes.Refused, "", "steward: there is no client 'no-such-client'\n"), (run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public async Task Status_ClientsPerSiteAndVersion_TableAndJson()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        await Agents.LogonAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6");
        await Agents.LogonAsync(Server, "DC1", secret, "PC-2", "10.2.0.6");

        var table = await Server.RunAsync("status");
        var json = await Server.RunAsync("status", "--json");

        Assert.Equal((ExitCodes.Ok, ""), (table.ExitCode, table.Error));
        Assert.Matches(@"│ A01\s+│ 2\.00\.1380\.1000 │ no clients\s+│\s+0 │", table.Out);
        Assert.Matches(@"│ B01\s+│ 2\.00\.1493\.2000 │ 2\.00\.1493\.2000: 2 \(site version\) │\s+2 │", table.Out);
        Assert.EndsWith("2 clients, 0 assigned to no site; 2 sites.\n", table.Out, StringComparison.Ordinal);
        var fleet = JsonNode.Parse(json.Out)!;
        Assert.Equal(2, (long)fleet["clients"]!);
        Assert.Equal(2, (long)fleet["sites"]!.AsArray().Single(s => (string)s!["code"]! == "B01")!["versions"]!["2.00.1493.2000"]!);
    }

    // A reason is printed whole: every word of it, though the table wraps it across lines.
    private static void AssertPrintedWhole(string reason, string table)
    {
        var cells = string.Concat(table.Split('│').Select(cell => cell.Trim() + " "));
        Assert.All(reason.Split(' '), word => Assert.Contains(word, cells, StringComparison.Ordinal));
    }
}
