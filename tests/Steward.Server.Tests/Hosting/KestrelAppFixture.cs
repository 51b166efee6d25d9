namespace Steward.Server.Tests.Hosting;

/// <summary>One real Kestrel server shared by the tests of a class (xUnit class fixture).</summary>
public sealed class KestrelAppFixture : IAsyncLifetime
{
    private KestrelApp? _app;

    public KestrelApp App => _app ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _app = await KestrelApp.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
