using System.Diagnostics;
using Steward.Testing;

namespace Steward.Cli.Tests.Live;

/// <summary>
/// The administrator's first minutes: <c>steward server</c> started in a directory with its defaults,
/// then the admin verbs run in that same directory with no token option or variable at all.
/// </summary>
public sealed class FirstStartTests : IAsyncLifetime, IDisposable
{
    private readonly string _url = $"http://127.0.0.1:{FreePort.Next()}";
    private TempDirectory? _directory;
    private Process? _server;

    /// <summary>The directory the server and the command line both run in.</summary>
    private TempDirectory Here => _directory ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync()
    {
        _directory = new TempDirectory();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Here.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "steward.dll"), "server", "--urls", _url])
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start)!;
        // Read the server's console (so that it never blocks on a full pipe) and wait for it to start.
        await ProcessOutput.Of(_server).ServerReadyAsync(_server, new Uri(_url));
    }

    // xunit stops the server first (DisposeAsync), then frees the process handle and the directory (Dispose).
    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        _server?.Dispose();
        _directory?.Dispose();
    }

    [Fact]
    public async Task AdminVerbs_InTheServersDirectory_FindTheTokenItWrote()
    {
        var environment = new Dictionary<string, string?> { ["STEWARD_URL"] = _url, ["STEWARD_TOKEN"] = null };
        Here.Write("agent/steward-agent", "agent");

        var build = await StewardProcess.RunAsync(environment, Here.Path, "package", "build", "--from", "agent", "--version", "2.00.1493.2000");
        var publish = await StewardProcess.RunAsync(environment, Here.Path, "package", "publish", "steward-agent-2.00.1493.2000.zip", "--version", "2.00.1493.2000");
        var add = await StewardProcess.RunAsync(environment, Here.Path, "site", "add", "A01", "--version", "2.00.1493.2000", "-b", "10.1.0.0/16");
        var status = await StewardProcess.RunAsync(environment, Here.Path, "status");

        Assert.True(File.Exists(Path.Combine(Here.Path, "steward-data", "admin-token")));
        Assert.Equal((0, 0, 0, 0), (build.Code, publish.Code, add.Code, status.Code));
        Assert.Equal("", publish.Error + add.Error + status.Error);
        Assert.EndsWith("0 clients, 0 assigned to no site; 1 site.\n", status.Output, StringComparison.Ordinal);
    }
}
