using Steward.Agent.Layout;
using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Layout;

public sealed class CurrentPointerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Read_NoPointer_IsNull()
    {
        var layout = new AgentLayout(_temp.Path);
        layout.Create();

        Assert.Null(new CurrentPointer(layout).Read());
    }

    [Fact]
    public void Switch_CreatesARelativeLinkToTheVersion()
    {
        var layout = new AgentLayout(_temp.Path);
        layout.Create();
        Directory.CreateDirectory(layout.VersionDirectory("2.00.1493.2000"));

        new CurrentPointer(layout).Switch("2.00.1493.2000");

        Assert.Equal("versions/2.00.1493.2000", new FileInfo(layout.Current).LinkTarget);
        Assert.Equal("2.00.1493.2000", new CurrentPointer(layout).Read());
    }

    [Fact]
    public void Switch_ReplacesTheLinkAndLeavesNoTemporaryLink()
    {
        var layout = new AgentLayout(_temp.Path);
        layout.Create();
        Directory.CreateDirectory(layout.VersionDirectory("2.00.1493.2000"));
        Directory.CreateDirectory(layout.VersionDirectory("2.00.1493.2001"));
        var pointer = new CurrentPointer(layout);

        pointer.Switch("2.00.1493.2000");
        pointer.Switch("2.00.1493.2001");

        Assert.Equal("2.00.1493.2001", pointer.Read());
        Assert.True(Directory.Exists(Path.Combine(layout.Current, ".")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_temp.Path), e => Path.GetFileName(e).Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void Switch_OverALeftoverTemporaryLink_Works()
    {
        var layout = new AgentLayout(_temp.Path);
        layout.Create();
        Directory.CreateDirectory(layout.VersionDirectory("2.00.1493.2000"));
        File.CreateSymbolicLink(Path.Combine(_temp.Path, $".current.tmp-{Environment.ProcessId}"), "versions/nowhere");

        new CurrentPointer(layout).Switch("2.00.1493.2000");

        Assert.Equal("2.00.1493.2000", new CurrentPointer(layout).Read());
    }

    public void Dispose() => _temp.Dispose();
}
