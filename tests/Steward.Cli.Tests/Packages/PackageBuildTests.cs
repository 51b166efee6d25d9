using System.Text.Json.Nodes;
using Steward.Packaging.Archives;
using Steward.Policy.Versions;

namespace Steward.Cli.Tests.Packages;

public sealed class PackageBuildTests
{
    private static readonly AgentVersion Sp2 = AgentVersion.Parse("2.00.1493.2000");

    [Fact]
    public async Task Build_WritesAnArchiveThatInspectsClean_WithTheDefaultEntryPointAndName()
    {
        using var directory = AgentDirectory();

        var run = await InProcess.RunAsync(directory.Environment(), "package", "build", "--from", "agent", "--version", "2.0.1493.2000");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Error);
        var archive = Path.Combine(directory.Path, "steward-agent-2.00.1493.2000.zip");
        Assert.Contains($"Built {archive}: version 2.00.1493.2000, entry point steward-agent, 2 files,", run.Out, StringComparison.Ordinal);
        using var stream = File.OpenRead(archive);
        var manifest = PackageArchive.Inspect(stream, Sp2);
        Assert.Equal("steward-agent", manifest.EntryPoint);
        Assert.Equal(["lib/agent.dll", "steward-agent"], manifest.Files.Select(f => f.Path));
        Assert.True(manifest.Files.Single(f => f.Path == "steward-agent").Executable);
        Assert.False(File.Exists(archive + ".partial"));
    }

    [Fact]
    public async Task Build_Json_PrintsOnlyTheManifest_OfTheNamedOutputAndEntryPoint()
    {
        using var directory = AgentDirectory();
        directory.Write("agent/bin/run.sh", "#!/bin/sh\n");

        var run = await InProcess.RunAsync(
            directory.Environment(), "package", "build", "--from", "agent", "--version", "2.00.1493.2001", "--entry-point", "bin/run.sh", "--output", "out/p.zip", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var manifest = JsonNode.Parse(run.Out)!;
        Assert.Equal("2.00.1493.2001", (string)manifest["version"]!);
        Assert.Equal("bin/run.sh", (string)manifest["entryPoint"]!);
        Assert.Equal(3, manifest["files"]!.AsArray().Count);
        using var stream = File.OpenRead(Path.Combine(directory.Path, "out", "p.zip"));
        Assert.Equal("bin/run.sh", PackageArchive.Inspect(stream).EntryPoint);
    }

    [Fact]
    public async Task MissingEntryPoint_Refused_LeavesNoFile()
    {
        using var directory = AgentDirectory();

        var run = await InProcess.RunAsync(directory.Environment(), "package", "build", "--from", "agent", "--version", "2.00.1493.2000", "--entry-point", "agent.exe");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"steward: The entry point 'agent.exe' is not a file of '{Path.Combine(directory.Path, "agent")}'.\n", run.Error);
        Assert.Equal([Path.Combine(directory.Path, "agent")], Directory.EnumerateFileSystemEntries(directory.Path));
    }

    [Theory]
    [InlineData("2.00.1493", "'2.00.1493' is not a version")]
    [InlineData("2.00.1493.70000", "'2.00.1493.70000' is not a version")]
    public async Task BadVersion_Refused_NamesTheText(string version, string expected)
    {
        using var directory = AgentDirectory();

        var run = await InProcess.RunAsync(directory.Environment(), "package", "build", "--from", "agent", "--version", version);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.StartsWith($"steward: --version: {expected}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDirectory_Refused()
    {
        using var directory = new TempDirectory();

        var run = await InProcess.RunAsync(directory.Environment(), "package", "build", "--from", "nowhere", "--version", "2.00.1493.2000");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal($"steward: '{Path.Combine(directory.Path, "nowhere")}' is not a directory.\n", run.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task OutputInsideTheDirectory_Refused()
    {
        using var directory = AgentDirectory();

        var run = await InProcess.RunAsync(directory.Environment(), "package", "build", "--from", "agent", "--version", "2.00.1493.2000", "-o", "agent/p.zip");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("the package would hold itself", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "agent", "p.zip")));
    }

    private static TempDirectory AgentDirectory()
    {
        var directory = new TempDirectory();
        directory.Write("agent/steward-agent", "#!/bin/sh\necho agent\n");
        directory.Write("agent/lib/agent.dll", "library");
        return directory;
    }
}
