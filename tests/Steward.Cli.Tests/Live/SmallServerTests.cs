namespace Steward.Cli.Tests.Live;

/// <summary>A server that accepts only small packages: the refusal of a large upload reaches the command line as the server's reason.</summary>
public sealed class SmallServerTests : IAsyncLifetime
{
    private const int MaxPackageBytes = 1 << 20;
    private LiveServer? _server;

    private LiveServer Server => _server!;

    public async Task InitializeAsync() => _server = await LiveServer.StartAsync($"--Steward:MaxPackageBytes={MaxPackageBytes}");

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Publish_ArchiveOverTheServersLimit_RefusedWithTheLimit_NotAConnectionError()
    {
        var archive = await Hierarchy.BuildLargeAsync(Server, "2.00.1493.2000");

        var run = await Server.RunAsync("package", "publish", archive, "--version", "2.00.1493.2000");

        Assert.Equal((ExitCodes.Refused, ""), (run.ExitCode, run.Out));
        Assert.StartsWith("steward: the archive has ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"at most {MaxPackageBytes} are accepted", run.Error, StringComparison.Ordinal);
    }
}
