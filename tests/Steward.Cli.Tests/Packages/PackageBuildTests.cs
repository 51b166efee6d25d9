using System.Text.Json.Nodes;
using Steward.Policy.Versions;
using Steward.Protocol.Packages;

namespace Steward.Cli.Tests.Packages;

public sealed class PackageBuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "steward-package-build-" + Guid.NewGuid().ToString("N"));

    public PackageBuildTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "agent", "lib"));
        File.WriteAllText(Path.Combine(_root, "agent", "steward-agent"), "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(_root, "agent", "lib", "data.txt"), "data");
    }

    [Fact]
    public void Build_PublishedAgent_WritesAnArchiveWhoseManifestListsEveryFile()
    {
        var archive = Path.Combine(_root, "out.zip");

        var run = InProcess.Run("package", "build", "--from", Path.Combine(_root, "agent"), "--version", "2.0.1493.2001", "--output", archive, "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var result = JsonNode.Parse(run.Out)!;
        Assert.Equal("2.00.1493.2001", (string)result["version"]!);
        Assert.Equal(2, (int)result["files"]!);
        using var stream = File.OpenRead(archive);
        var manifest = PackageArchive.Inspect(stream, AgentVersion.ParseExact("2.00.1493.2001"));
        Assert.Equal("steward-agent", manifest.EntryPoint);
        Assert.Equal(["lib/data.txt", "steward-agent"], manifest.Files.Select(f => f.Path));
    }

    [Fact]
    public void Build_BadVersion_SaysWhyAndWritesNothing()
    {
        var archive = Path.Combine(_root, "out.zip");

        var run = InProcess.Run("package", "build", "--from", Path.Combine(_root, "agent"), "--version", "2.0.1493", "--output", archive);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("it has 3 fields", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(archive));
    }

    [Fact]
    public void Build_MissingEntryPoint_SaysWhichAndLeavesNoPartialArchive()
    {
        var archive = Path.Combine(_root, "out.zip");

        var run = InProcess.Run("package", "build", "--from", Path.Combine(_root, "agent"), "--version", "2.00.1493.2001", "--entry-point", "agent.exe", "--output", archive);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("'agent.exe' is not a file", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_root));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
