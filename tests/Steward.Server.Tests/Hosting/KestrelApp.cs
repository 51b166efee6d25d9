using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Steward.Server.Tests.Hosting;

/// <summary>
/// The real server application on a real Kestrel listening on a loopback port (not a test host, which does
/// not parse HTTP), in this process so that its log can be read (<see cref="CapturedLog"/>).
/// </summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private KestrelApp(WebApplicationFactory<Program> factory, string data, Uri address, CapturedLog log)
    {
        _factory = factory;
        Data = data;
        Address = address;
        Log = log;
        AdminToken = File.ReadAllText(Path.Combine(data, "admin-token")).Trim();
    }

    public string Data { get; }

    /// <summary>Where the server listens, as http://127.0.0.1:port/.</summary>
    public Uri Address { get; }

    public CapturedLog Log { get; }

    public string AdminToken { get; }

    /// <param name="kestrel">Changes to Kestrel's settings after the server's own (a short minimum data rate grace, say).</param>
    public static Task<KestrelApp> StartAsync(Action<KestrelServerOptions>? kestrel = null)
    {
        var data = Directory.CreateTempSubdirectory("steward-kestrel-").FullName;
        var log = new CapturedLog();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("Steward:Data", data);
            web.UseSetting("Steward:Database", "sqlite");
            web.UseSetting("Steward:HeartbeatFlushMilliseconds", "50");
            web.ConfigureServices(services =>
            {
                services.AddSingleton<ILoggerProvider>(log);

                // For the captured log only (the console stays as it is): each request's start and Kestrel's
                // account of each connection, to explain a failure.
                services.AddLogging(logging => logging
                    .AddFilter<CapturedLog>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information)
                    .AddFilter<CapturedLog>("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Debug));
                services.PostConfigure<KestrelServerOptions>(k => kestrel?.Invoke(k));
            });
        });
        factory.UseKestrel();
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return Task.FromResult(new KestrelApp(factory, data, new Uri(addresses.First()), log));
    }

    /// <summary>An HTTP client of its own connections, with these credentials.</summary>
    public HttpClient Client(AuthenticationHeaderValue? authorization = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    public HttpClient Admin() => Client(new AuthenticationHeaderValue("Bearer", AdminToken));

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Data, recursive: true);
    }
}
