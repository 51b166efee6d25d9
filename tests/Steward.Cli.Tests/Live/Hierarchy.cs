using System.Text.Json.Nodes;
using Steward.Cli.Io;

namespace Steward.Cli.Tests.Live;

/// <summary>Sets up a server through the command line itself: packages, sites and logon points, each step asserted.</summary>
internal static class Hierarchy
{
    /// <summary>Builds a small agent package of <paramref name="version"/> and publishes it; returns the archive's path.</summary>
    public static Task<string> PublishAsync(LiveServer server, string version) => PublishAsync(server.Work, server.Environment(), version);

    /// <summary>The same, for any server <paramref name="environment"/> names, building in <paramref name="work"/> (its working directory).</summary>
    public static async Task<string> PublishAsync(TempDirectory work, CliEnvironment environment, string version)
    {
        var directory = $"agent-{version}";
        work.Write($"{directory}/steward-agent", $"#!/bin/sh\necho {version}\n");

        var archive = Path.Combine(work.Path, $"{directory}.zip");
        var build = await InProcess.RunAsync(environment, "package", "build", "--from", directory, "--version", version, "--output", archive);
        Assert.Equal((ExitCodes.Ok, ""), (build.ExitCode, build.Error));
        var publish = await InProcess.RunAsync(environment, "package", "publish", archive, "--version", version);
        Assert.Equal((ExitCodes.Ok, ""), (publish.ExitCode, publish.Error));
        return archive;
    }

    /// <summary>Adds a site at <paramref name="version"/> (which must be published).</summary>
    public static Task AddSiteAsync(LiveServer server, string code, string version, string boundary) => AddSiteAsync(server.Environment(), code, version, boundary);

    /// <summary>The same, for any server <paramref name="environment"/> names.</summary>
    public static async Task AddSiteAsync(CliEnvironment environment, string code, string version, string boundary)
    {
        var run = await InProcess.RunAsync(environment, "site", "add", code, "--version", version, "--boundary", boundary);
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Error));
    }

    /// <summary>Adds a logon point; returns its enrollment secret.</summary>
    public static Task<string> AddLogonPointAsync(LiveServer server, string name, string sites) => AddLogonPointAsync(server.Environment(), name, sites);

    /// <summary>The same, for any server <paramref name="environment"/> names.</summary>
    public static async Task<string> AddLogonPointAsync(CliEnvironment environment, string name, string sites)
    {
        var run = await InProcess.RunAsync(environment, "logon-point", "add", name, "--site", sites, "--json");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Error));
        return (string)JsonNode.Parse(run.Out)!["enrollmentSecret"]!;
    }

    /// <summary>The Q262677 hierarchy: A01 at SP1 and B01 at SP2 share logon point DC1; returns DC1's secret.</summary>
    public static async Task<string> Q262677Async(LiveServer server)
    {
        await PublishAsync(server, "2.00.1380.1000");
        await PublishAsync(server, "2.00.1493.2000");
        await AddSiteAsync(server, "A01", "2.00.1380.1000", "10.1.0.0/16");
        await AddSiteAsync(server, "B01", "2.00.1493.2000", "10.1.0.0/16,10.2.0.0/16");
        return await AddLogonPointAsync(server, "DC1", "A01,B01");
    }

    /// <summary>Builds (without publishing) a package of <paramref name="version"/> of about 3 MiB; returns the archive's path.</summary>
    public static async Task<string> BuildLargeAsync(LiveServer server, string version)
    {
        server.Work.Write($"{version}/steward-agent", "agent");
        // Random bytes do not compress: the archive is as large as they are.
        var bytes = new byte[3 << 20];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(Path.Combine(server.Work.Path, version, "payload.bin"), bytes);
        var archive = Path.Combine(server.Work.Path, $"{version}.zip");
        Assert.Equal(ExitCodes.Ok, (await server.RunAsync("package", "build", "--from", version, "--version", version, "-o", archive)).ExitCode);
        return archive;
    }
}
