using Steward.Agent.Layout;
using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Layout;

public sealed class RecoveryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly AgentLayout _layout;

    public RecoveryTests()
    {
        _layout = new AgentLayout(_temp.Path);
        _layout.Create();
    }

    private VersionStore Versions => new(_layout);

    private CurrentPointer Pointer => new(_layout);

    [Fact]
    public void Run_CleanDirectory_DoesNothing()
    {
        Complete("2.00.1493.2000");
        Pointer.Switch("2.00.1493.2000");

        Assert.Empty(Recover());
        Assert.Equal("2.00.1493.2000", Pointer.Read());
    }

    [Fact]
    public void Run_StagingLeftovers_AreRemoved()
    {
        Directory.CreateDirectory(Path.Combine(_layout.Staging, "2.00.1493.2001.1234", "sub"));
        File.WriteAllText(Path.Combine(_layout.Staging, "stray"), "x");

        var done = Recover();

        Assert.Equal(2, done.Count);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_layout.Staging));
    }

    [Fact]
    public void Run_VersionWithoutMarker_IsRemovedButCompleteOnesStay()
    {
        Complete("2.00.1493.2000");
        Pointer.Switch("2.00.1493.2000");
        Directory.CreateDirectory(_layout.VersionDirectory("2.00.1493.2001"));
        File.WriteAllText(Path.Combine(_layout.VersionDirectory("2.00.1493.2001"), "steward-agent"), "half");

        Recover();

        Assert.False(Directory.Exists(_layout.VersionDirectory("2.00.1493.2001")));
        Assert.NotNull(Versions.Marker("2.00.1493.2000"));
    }

    [Fact]
    public void Run_PointerToAnIncompleteVersion_MovesToTheNewestComplete()
    {
        Complete("2.00.1493.1999");
        Complete("2.00.1493.2000");
        Directory.CreateDirectory(_layout.VersionDirectory("2.00.1493.2001"));
        Pointer.Switch("2.00.1493.2001");

        var done = Recover();

        Assert.Equal("2.00.1493.2000", Pointer.Read());
        Assert.Contains(done, d => d.Contains("now names 2.00.1493.2000", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_LostMarkerOfTheOnlyVersion_ThePointerNamesIt_KeepsItsFiles()
    {
        Complete("2.00.1493.2000");
        Pointer.Switch("2.00.1493.2000");
        File.Delete(_layout.CompleteMarker("2.00.1493.2000"));

        var done = Recover();

        Assert.True(File.Exists(Path.Combine(_layout.VersionDirectory("2.00.1493.2000"), "steward-agent")));
        Assert.Equal("2.00.1493.2000", Pointer.Read());
        Assert.Contains(done, d => d.Contains("has lost its marker; it is kept", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_LostMarkerOfTheCurrentVersion_WithAnotherComplete_MovesToIt()
    {
        Complete("2.00.1493.2000");
        Complete("2.00.1493.2001");
        Pointer.Switch("2.00.1493.2001");
        File.Delete(_layout.CompleteMarker("2.00.1493.2001"));

        Recover();

        Assert.Equal("2.00.1493.2000", Pointer.Read());
        Assert.False(Directory.Exists(_layout.VersionDirectory("2.00.1493.2001")));
    }

    [Fact]
    public void Run_PointerToAMissingVersionAndNothingComplete_SaysSoAndRemovesNothingElse()
    {
        Pointer.Switch("2.00.1493.2001");

        var done = Recover();

        Assert.Contains(done, d => d.Contains("no complete version is left", StringComparison.Ordinal));
        Assert.Equal("2.00.1493.2001", Pointer.Read());
    }

    [Fact]
    public void Run_NoPointerButACompleteVersion_PointsAtIt()
    {
        Complete("2.00.1493.2000");

        Recover();

        Assert.Equal("2.00.1493.2000", Pointer.Read());
    }

    [Fact]
    public void Run_TemporaryFilesOfInterruptedWrites_AreRemoved()
    {
        File.WriteAllText(Path.Combine(_temp.Path, ".state.json.tmp-99"), "{");
        File.CreateSymbolicLink(Path.Combine(_temp.Path, ".current.tmp-99"), "versions/x");

        Recover();

        Assert.False(File.Exists(Path.Combine(_temp.Path, ".state.json.tmp-99")));
        Assert.Null(new FileInfo(Path.Combine(_temp.Path, ".current.tmp-99")).LinkTarget);
    }

    [Fact]
    public void Run_RecentPartialDownload_IsKeptForResuming_OldOneRemoved()
    {
        var recent = _layout.Partial(new string('a', 64));
        var old = _layout.Partial(new string('b', 64));
        File.WriteAllText(recent, "part");
        File.WriteAllText(old, "part");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - Recovery.PartialLifetime - TimeSpan.FromHours(1));

        Recover();

        Assert.True(File.Exists(recent));
        Assert.False(File.Exists(old));
    }

    [Fact]
    public void Run_DownloadOfAVersionAlreadyComplete_IsRemoved()
    {
        Complete("2.00.1493.2001");
        Pointer.Switch("2.00.1493.2001");
        var leftover = _layout.Partial(new string('0', 64));
        File.WriteAllText(leftover, "the whole archive");

        var done = Recover();

        Assert.False(File.Exists(leftover));
        Assert.Contains(done, d => d.Contains("installed already", StringComparison.Ordinal));
    }

    private IReadOnlyList<string> Recover() => new Recovery(_layout, TimeProvider.System).Run();

    private void Complete(string version)
    {
        Directory.CreateDirectory(_layout.VersionDirectory(version));
        File.WriteAllText(Path.Combine(_layout.VersionDirectory(version), "steward-agent"), "#!/bin/sh\n");
        Versions.MarkComplete(new CompleteMarker(version, "steward-agent", new string('0', 64), DateTimeOffset.UnixEpoch));
    }

    public void Dispose() => _temp.Dispose();
}
