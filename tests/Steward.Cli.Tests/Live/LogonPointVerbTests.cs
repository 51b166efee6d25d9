using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward logon-point add|list|remove</c> against the real server.</summary>
public sealed class LogonPointVerbTests : LiveTest
{
    [Fact]
    public async Task AddListRemove_TheSecretIsPrintedOnce_AndWorksAtTheLogonPoint()
    {
        await Hierarchy.PublishAsync(Server, "2.00.1380.1000");
        await Hierarchy.PublishAsync(Server, "2.00.1493.2000");
        await Hierarchy.AddSiteAsync(Server, "A01", "2.00.1380.1000", "10.1.0.0/16");
        await Hierarchy.AddSiteAsync(Server, "B01", "2.00.1493.2000", "10.1.0.0/16");

        var add = await Server.RunAsync("logon-point", "add", "DC1", "--site", "A01", "--site", "b01");
        var list = await Server.RunAsync("logon-point", "list");
        var json = await Server.RunAsync("logon-point", "list", "--json");

        Assert.Equal((ExitCodes.Ok, ""), (add.ExitCode, add.Error));
        var lines = add.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("Added logon point DC1 for A01, B01; it hands out 2.00.1493.2000, the package of senior site B01.", lines[0]);
        var secret = lines[1]["Enrollment secret (shown only this once; put it in the logon scripts): ".Length..];
        var logon = await Agents.LogonAsync(Server, "DC1", secret, "PC-NEW", "10.1.0.6");
        Assert.Equal("Installed", logon.Outcome);
        Assert.Matches(@"│ DC1\s+│ A01, B01 │ B01 \(newest\) │ 2\.00\.1493\.2000 │", list.Out);
        var point = Assert.Single(JsonNode.Parse(json.Out)!.AsArray())!;
        Assert.Null(point["enrollmentSecret"]);
        Assert.DoesNotContain(secret, list.Out + json.Out, StringComparison.Ordinal);

        var remove = await Server.RunAsync("logon-point", "remove", "DC1", "--json");
        var empty = await Server.RunAsync("logon-point", "list");

        Assert.Equal((ExitCodes.Ok, "", ""), (remove.ExitCode, remove.Out, remove.Error));
        Assert.Equal("No logon points yet; add one with 'steward logon-point add'.\n", empty.Out);
    }

    [Fact]
    public async Task Add_NamedSeniorAndSecret_AsGiven()
    {
        await Hierarchy.Q262677Async(Server);

        var run = await Server.RunAsync("logon-point", "add", "DC2", "--site", "A01,B01", "--senior", "A01", "--secret", "a-secret-of-our-own-choosing", "--json");

        var point = JsonNode.Parse(run.Out)!;
        Assert.Equal(("A01", "A01", "2.00.1380.1000"), ((string)point["senior"]!, (string)point["effectiveSenior"]!, (string)point["packageVersion"]!));
        Assert.Equal("Installed", (await Agents.LogonAsync(Server, "DC2", "a-secret-of-our-own-choosing", "PC-1", "10.1.0.7")).Outcome);
    }

    [Fact]
    public async Task Add_UnknownSite_Refused_RemoveUnknown_Refused()
    {
        await Hierarchy.Q262677Async(Server);

        var add = await Server.RunAsync("logon-point", "add", "DC2", "--site", "Z99");
        var remove = await Server.RunAsync("logon-point", "remove", "NOPE");

        Assert.Equal(ExitCodes.Refused, add.ExitCode);
        Assert.Contains("Z99", add.Error, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Refused, "steward: logon point 'NOPE' does not exist\n"), (remove.ExitCode, remove.Error));
    }
}
