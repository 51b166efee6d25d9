using Microsoft.AspNetCore.Builder;
using Steward.Cli.Io;
using Steward.Server.Hosting;

namespace Steward.Cli.Tests.Live;

/// <summary>
/// The real Steward server, started in the test process on a free loopback port with its own temporary
/// data directory (SQLite), as <c>steward server --urls http://127.0.0.1:0 --data DIR</c> would.
/// </summary>
internal sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveServer(WebApplication app, TempDirectory data, string url)
    {
        _app = app;
        Data = data;
        Url = url;
    }

    /// <summary>The server's data directory.</summary>
    public TempDirectory Data { get; }

    /// <summary>The server's URL (<c>http://127.0.0.1:PORT</c>).</summary>
    public string Url { get; }

    /// <summary>The administrator token the server wrote at its first start.</summary>
    public string Token => File.ReadAllText(Path.Combine(Data.Path, "admin-token")).Trim();

    /// <summary>Starts a server; <paramref name="settings"/> are more of its command-line options (<c>--Steward:Name=value</c>).</summary>
    public static async Task<LiveServer> StartAsync(params string[] settings)
    {
        var data = new TempDirectory();
        var app = StewardServer.Build(["--urls", "http://127.0.0.1:0", "--data", data.Path, "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync();
        // Kestrel replaces port 0 with the port it bound.
        return new LiveServer(app, data, app.Urls.Single());
    }

    /// <summary>Runs <c>steward ARGS</c> in this process against this server: <c>STEWARD_URL</c> and <c>STEWARD_TOKEN</c> set, in a fresh working directory.</summary>
    public Task<InProcess> RunAsync(params string[] args) => InProcess.RunAsync(Environment(), args);

    /// <summary>An environment naming this server and its token, whose working directory is <see cref="Work"/>.</summary>
    public CliEnvironment Environment() => Work.Environment(("STEWARD_URL", Url), ("STEWARD_TOKEN", Token));

    /// <summary>A working directory for the command line, apart from the server's data.</summary>
    public TempDirectory Work { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Data.Dispose();
        Work.Dispose();
    }
}
