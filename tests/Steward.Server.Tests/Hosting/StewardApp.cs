using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Steward.Server.Tests.Hosting;

/// <summary>
/// The real server application in process (WebApplicationFactory), on a fresh SQLite data directory or a
/// fresh PostgreSQL database, with an administrator client carrying the token the server made.
/// </summary>
public sealed class StewardApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly PostgresDatabase? _database;

    private StewardApp(WebApplicationFactory<Program> factory, string data, PostgresDatabase? database)
    {
        _factory = factory;
        _database = database;
        Data = data;
        Anonymous = factory.CreateClient();
        Admin = factory.CreateClient();
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(data, "admin-token")).Trim());
    }

    /// <summary>The data directory.</summary>
    public string Data { get; }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>A client with the administrator token.</summary>
    public HttpClient Admin { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the server; <paramref name="services"/> replaces services after the server's own (a store that fails, a log to read, a fake clock).</summary>
    public static async Task<StewardApp> StartAsync(Engine engine, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var data = Directory.CreateTempSubdirectory("steward-test-").FullName;
        var database = engine == Engine.Postgres ? await PostgresDatabase.CreateAsync() : null;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Steward:Data", data);
            web.UseSetting("Steward:Database", engine == Engine.Postgres ? "postgres" : "sqlite");
            web.UseSetting("Steward:HeartbeatFlushMilliseconds", "50");
            if (database is not null)
            {
                web.UseSetting("Steward:Connection", database.ConnectionString);
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }

            if (services is not null)
            {
                web.ConfigureTestServices(services);
            }
        });

        // Creating the first client starts the host: migrations, the signing key and the token file.
        _ = factory.Server;
        return new StewardApp(factory, data, database);
    }

    /// <summary>A client with other credentials (an agent's Basic header, a wrong token).</summary>
    public HttpClient Client(AuthenticationHeaderValue? authorization)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Admin.Dispose();
        await _factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Data, recursive: true);
    }
}
