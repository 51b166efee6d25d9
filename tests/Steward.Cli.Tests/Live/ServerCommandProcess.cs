using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Steward.Testing;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward server</c> in a process of its own, as an operator or systemd runs it, so that it can be sent signals.</summary>
internal sealed class ServerCommandProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private ServerCommandProcess(Process process, string url, string data)
    {
        _process = process;
        _output = ProcessOutput.Of(process);
        Url = url;
        Data = data;
    }

    public string Url { get; }

    public string Data { get; }

    /// <summary>Everything the process printed, for failure messages.</summary>
    public string Output => _output.Text;

    /// <summary>
    /// How a server is started: through env(1) with SIGINT and SIGTERM at their default dispositions. A process
    /// inherits ignored signals, and a test run started in the background of a non-interactive shell ignores
    /// SIGINT; a server started straight from it would ignore SIGINT too and never stop on it (the CI failure
    /// of <see cref="ServerSignalTests"/> with SIGINT).
    /// </summary>
    public static readonly string[] DefaultLauncher = ["env", "--default-signal=INT,TERM"];

    /// <summary>Starts <c>steward server --urls URL --data DATA ARGS</c> and waits until <c>/readyz</c> answers.</summary>
    public static Task<ServerCommandProcess> StartAsync(string data, params string[] args) => StartAsync(DefaultLauncher, data, args);

    /// <summary>The same, started by the command line <paramref name="launcher"/> followed by <c>dotnet steward.dll server ...</c>.</summary>
    public static async Task<ServerCommandProcess> StartAsync(IReadOnlyList<string> launcher, string data, params string[] args)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        string[] command = [.. launcher, "dotnet", Path.Combine(AppContext.BaseDirectory, "steward.dll"), "server", "--urls", url, "--data", data, .. args];
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerCommandProcess(Process.Start(start)!, url, data);
        await server._output.ServerReadyAsync(server._process, new Uri(url));
        return server;
    }

    /// <summary>An HTTP client for this server, with the administrator token it wrote when <paramref name="admin"/>.</summary>
    public HttpClient Client(bool admin = false, AuthenticationHeaderValue? authorization = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = admin
            ? new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(Data, "admin-token")).Trim())
            : authorization;
        return client;
    }

    /// <summary>Sends a signal (<c>TERM</c>, <c>INT</c>) with kill(1) and waits for the process to end; returns its exit code.</summary>
    public async Task<int> SignalAsync(string signal)
    {
        using (var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            // Say what the server was doing when it did not stop, so that a rare hang can be diagnosed.
            throw new TimeoutException($"steward server did not exit within 60 s of SIG{signal}; what it printed:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits until the process has printed <paramref name="text"/> (a minute at most).</summary>
    public Task WaitForOutputAsync(string text) => _output.PrintedAsync(text).WaitAsync(TimeSpan.FromMinutes(1));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
