namespace Steward.Server.Tests.Hosting;

/// <summary>
/// A test against a fresh server: every test gets its own data directory or PostgreSQL database. Each
/// test class is abstract and runs once per engine through two one-line subclasses.
/// </summary>
public abstract class ApiTest : IAsyncLifetime
{
    private StewardApp? _app;

    protected abstract Engine Engine { get; }

    /// <summary>Settings for this test's server, beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services that replace the server's own (a fake clock), or null.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services => null;

    protected StewardApp App => _app ?? throw new InvalidOperationException("The server has not started.");

    protected HttpClient Admin => App.Admin;

    public virtual async Task InitializeAsync() => _app = await StewardApp.StartAsync(Engine, Settings, Services);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
