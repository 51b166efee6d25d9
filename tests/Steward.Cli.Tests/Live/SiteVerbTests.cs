using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward site ...</c> against the real server.</summary>
public sealed class SiteVerbTests : LiveTest
{
    [Fact]
    public async Task AddListShowSetVersionRemove_EachAsTheServerHoldsIt()
    {
        await Hierarchy.PublishAsync(Server, "2.00.1380.1000");
        await Hierarchy.PublishAsync(Server, "2.00.1493.2000");

        var add = await Server.RunAsync("site", "add", "a01", "--name", "Headquarters", "--version", "2.0.1380.1000", "-b", "10.1.0.0/16,10.3.0.10-10.3.0.200", "-b", "10.9.0.1");
        var list = await Server.RunAsync("site", "list");
        var setVersion = await Server.RunAsync("site", "set-version", "A01", "--version", "2.00.1493.2000");
        var show = await Server.RunAsync("site", "show", "A01", "--json");
        var remove = await Server.RunAsync("site", "remove", "a01");
        var gone = await Server.RunAsync("site", "show", "A01");

        Assert.Equal((ExitCodes.Ok, ""), (add.ExitCode, add.Error));
        Assert.Equal(
            "Added site A01 (Headquarters): version 2.00.1380.1000 (line 2.00.1380.1xxx), boundaries 10.1.0.0/16, 10.3.0.10-10.3.0.200, 10.9.0.1.\n",
            add.Out);
        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Matches(@"│ A01\s+│ Headquarters │ 2\.00\.1380\.1000 │ 2\.00\.1380\.1xxx │ 10\.1\.0\.0/16\s+│", list.Out);
        Assert.Equal("Site A01 now serves 2.00.1493.2000 (line 2.00.1493.2xxx); its clients take it at their next maintenance cycle.\n", setVersion.Out);
        var site = JsonNode.Parse(show.Out)!;
        Assert.Equal(("A01", "2.00.1493.2000", 2L), ((string)site["code"]!, (string)site["version"]!, (long)site["revision"]!));
        Assert.Equal((ExitCodes.Ok, "Removed site A01.\n"), (remove.ExitCode, remove.Out));
        Assert.Equal((ExitCodes.Refused, "", "steward: there is no site A01\n"), (gone.ExitCode, gone.Out, gone.Error));
    }

    [Fact]
    public async Task ListJson_IsTheServersArray_AndNothingElse()
    {
        await Hierarchy.Q262677Async(Server);

        var run = await Server.RunAsync("site", "list", "--json");

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Error));
        var sites = JsonNode.Parse(run.Out)!.AsArray();
        Assert.Equal(["A01", "B01"], sites.Select(s => (string)s!["code"]!));
        Assert.Equal(["10.1.0.0/16", "10.2.0.0/16"], sites[1]!["boundaries"]!.AsArray().Select(b => (string)b!));
    }

    [Fact]
    public async Task MalformedVersion_PrintsTheFieldErrorOfTheProblemDocument()
    {
        await Hierarchy.PublishAsync(Server, "2.00.1493.2000");
        await Hierarchy.AddSiteAsync(Server, "A01", "2.00.1493.2000", "10.1.0.0/16");

        var run = await Server.RunAsync("site", "set-version", "A01", "--version", "2.00.1493", "--json");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("", run.Out);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Equal("steward: The request is not valid.", lines[0]);
        Assert.Equal("  version: '2.00.1493' is not a version: it has 3 fields; a version has four (major.minor.build.revision)", Assert.Single(lines[1..]));
    }

    [Fact]
    public async Task BadBoundaries_EachFieldErrorOnItsOwnLine()
    {
        await Hierarchy.PublishAsync(Server, "2.00.1493.2000");

        var run = await Server.RunAsync("site", "add", "A01", "--version", "2.00.1493.2000", "-b", "10.1.0.5/16", "-b", "10.2.0.0/33");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.StartsWith("  boundaries[0]: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("10.1.0.5/16", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  boundaries[1]: ", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task UnpublishedVersion_Refused_SaysToPublishFirst()
    {
        await Hierarchy.PublishAsync(Server, "2.00.1493.2000");
        await Hierarchy.AddSiteAsync(Server, "A01", "2.00.1493.2000", "10.1.0.0/16");

        var run = await Server.RunAsync("site", "set-version", "A01", "--version", "2.00.1493.3000");
        var show = await Server.RunAsync("site", "show", "A01", "--json");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("steward: no package of version 2.00.1493.3000 is published; publish one first (steward package publish FILE --version 2.00.1493.3000)\n", run.Error);
        Assert.Equal("2.00.1493.2000", (string)JsonNode.Parse(show.Out)!["version"]!);
    }

    [Fact]
    public async Task RemoveSiteOfALogonPoint_Refused()
    {
        await Hierarchy.Q262677Async(Server);

        var run = await Server.RunAsync("site", "remove", "A01");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("steward: ", run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await Server.RunAsync("site", "show", "A01")).ExitCode);
    }
}
