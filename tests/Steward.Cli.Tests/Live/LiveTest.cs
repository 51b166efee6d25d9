namespace Steward.Cli.Tests.Live;

/// <summary>A test with a fresh real server of its own: nothing one test does is seen by another.</summary>
public abstract class LiveTest : IAsyncLifetime
{
    private LiveServer? _server;

    internal LiveServer Server => _server ?? throw new InvalidOperationException("the server is not started");

    public async Task InitializeAsync() => _server = await LiveServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
