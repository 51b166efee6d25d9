using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Steward.Testing;

namespace Steward.Server.Tests.Hosting;

/// <summary>
/// The server as its own process on a loopback port (Kestrel, not a test host): for scale-out and for
/// kills that are not graceful stops.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private ServerProcess(Process process, string url, string data)
    {
        _process = process;
        _output = ProcessOutput.Of(process);
        Url = url;
        Data = data;
    }

    public string Url { get; }

    public string Data { get; }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Output => _output.Text;

    public static async Task<ServerProcess> StartAsync(string data, params string[] arguments)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Steward.Server.dll"));
        foreach (var argument in (string[])["--urls", url, "--data", data, "--Steward:HeartbeatFlushMilliseconds=100", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new ServerProcess(process, url, data);
        await server._output.ServerReadyAsync(process, new Uri(url));
        return server;
    }

    /// <summary>An HTTP client for this process; with the administrator token when <paramref name="admin"/>.</summary>
    public HttpClient Client(bool admin = false, AuthenticationHeaderValue? authorization = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = admin
            ? new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(Data, "admin-token")).Trim())
            : authorization;
        return client;
    }

    /// <summary>Completes once the process has printed a line containing <paramref name="text"/> (at once if it already has).</summary>
    public Task PrintedAsync(string text) => _output.PrintedAsync(text);

    /// <summary>SIGKILL: no graceful stop, nothing flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
