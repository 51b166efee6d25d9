using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward audit</c> against the real server: the changes the other verbs made, newest first.</summary>
public sealed class AuditVerbTests : LiveTest
{
    [Fact]
    public async Task Audit_ListsTheChangesTheVerbsMade_NewestFirst()
    {
        await Hierarchy.Q262677Async(Server);
        Assert.Equal(ExitCodes.Ok, (await Server.RunAsync("site", "set-version", "A01", "--version", "2.00.1493.2000")).ExitCode);

        var table = await Server.RunAsync("audit");
        var json = await Server.RunAsync("audit", "--limit", "2", "--json");

        Assert.Equal((ExitCodes.Ok, ""), (table.ExitCode, table.Error));
        Assert.Matches(@"│ admin │ site\.version\s+│ A01\s+│", table.Out);
        Assert.Matches(@"│ admin │ logon-point\.create │ DC1\s+│", table.Out);
        Assert.True(table.Out.IndexOf("site.version", StringComparison.Ordinal) < table.Out.IndexOf("logon-point.create", StringComparison.Ordinal), "newest first");
        var entries = JsonNode.Parse(json.Out)!.AsArray();
        Assert.Equal(["site.version", "logon-point.create"], entries.Select(e => (string)e!["action"]!));
    }

    [Fact]
    public async Task Audit_LimitOutOfRange_FieldErrorFromTheServer()
    {
        var run = await Server.RunAsync("audit", "--limit", "0");

        Assert.Equal((ExitCodes.Refused, "steward: The request is not valid.\n  limit: between 1 and 10000\n"), (run.ExitCode, run.Error));
    }
}
