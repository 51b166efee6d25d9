using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward package build|publish|list</c> against the real server.</summary>
public sealed class PackageVerbTests : LiveTest
{
    [Fact]
    public async Task BuildPublishList_TheServerHoldsTheArchiveByItsHash()
    {
        var archive = await Hierarchy.PublishAsync(Server, "2.0.1493.2000");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(archive)));

        var table = await Server.RunAsync("package", "list");
        var json = await Server.RunAsync("package", "list", "--json");

        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Matches($@"│ 2\.00\.1493\.2000 │ steward-agent │\s+1 │ .+ │ {sha256} │ .+ by admin", table.Out);
        var package = Assert.Single(JsonNode.Parse(json.Out)!.AsArray())!;
        Assert.Equal(("2.00.1493.2000", sha256, new FileInfo(archive).Length), ((string)package["version"]!, (string)package["sha256"]!, (long)package["size"]!));
    }

    [Fact]
    public async Task Publish_Json_IsThePackageDocument()
    {
        Server.Work.Write("agent/steward-agent", "agent");
        Assert.Equal(ExitCodes.Ok, (await Server.RunAsync("package", "build", "--from", "agent", "--version", "2.00.1493.2001")).ExitCode);

        var run = await Server.RunAsync("package", "publish", "steward-agent-2.00.1493.2001.zip", "--version", "2.00.1493.2001", "--json");

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Error));
        var package = JsonNode.Parse(run.Out)!;
        Assert.Equal(("2.00.1493.2001", "steward-agent", 1), ((string)package["version"]!, (string)package["entryPoint"]!, (int)package["files"]!));
    }

    [Fact]
    public async Task Publish_DeclaredVersionIsNotTheManifests_RefusedWithTheReason_NothingPublished()
    {
        Server.Work.Write("agent/steward-agent", "agent");
        await Server.RunAsync("package", "build", "--from", "agent", "--version", "2.00.1493.2000", "-o", "p.zip");

        var run = await Server.RunAsync("package", "publish", "p.zip", "--version", "2.00.1493.2001");
        var list = await Server.RunAsync("package", "list", "--json");

        Assert.Equal((ExitCodes.Refused, ""), (run.ExitCode, run.Out));
        Assert.Contains("2.00.1493.2000", run.Error, StringComparison.Ordinal);
        Assert.Contains("2.00.1493.2001", run.Error, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(list.Out)!.AsArray());
    }

    [Fact]
    public async Task Publish_NotAnArchive_Refused()
    {
        Server.Work.Write("notes.zip", "these are notes, not a zip archive");

        var run = await Server.RunAsync("package", "publish", "notes.zip", "--version", "2.00.1493.2000");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("steward: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("zip", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_LargeFile_ProgressBarOnStandardErrorOnlyOnATerminal()
    {
        var watchedArchive = await Hierarchy.BuildLargeAsync(Server, "2.00.1493.2002");
        var pipedArchive = await Hierarchy.BuildLargeAsync(Server, "2.00.1493.2003");

        var watched = await InProcess.RunAsync(Server.Environment(), interactive: true, "package", "publish", watchedArchive, "--version", "2.00.1493.2002");
        var piped = await InProcess.RunAsync(Server.Environment(), interactive: false, "package", "publish", pipedArchive, "--version", "2.00.1493.2003");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (watched.ExitCode, piped.ExitCode));
        Assert.StartsWith("Published 2.00.1493.2002: 2 files, 3.0 MiB,", watched.Out, StringComparison.Ordinal);
        Assert.Contains("Publishing 2.00.1493.2002.zip", watched.Error, StringComparison.Ordinal);
        Assert.Contains("100%", watched.Error, StringComparison.Ordinal);
        Assert.StartsWith("Published 2.00.1493.2003: 2 files, 3.0 MiB,", piped.Out, StringComparison.Ordinal);
        Assert.Equal("", piped.Error);
    }
}
