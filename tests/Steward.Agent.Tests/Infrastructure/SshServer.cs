using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// Debian's OpenSSH server, started by a test on 127.0.0.1 on a free port with a host key and a user key generated
/// in a temporary directory, as the current user (root here). Stopped (its process) on dispose.
/// </summary>
internal sealed class SshServer : IAsyncDisposable
{
    /// <summary>Where Debian installs it.</summary>
    public const string Program = "/usr/sbin/sshd";

    private readonly Process _process;
    private readonly StringBuilder _log;

    private SshServer(Process process, StringBuilder log, string directory, int port)
    {
        _process = process;
        _log = log;
        Directory = directory;
        Port = port;
    }

    public static bool Installed => File.Exists(Program) && File.Exists("/usr/bin/ssh-keygen");

    /// <summary>The directory of its keys and configuration.</summary>
    public string Directory { get; }

    public int Port { get; }

    /// <summary>The private key the server accepts (its public half is the only authorized key).</summary>
    public string UserKey => Path.Combine(Directory, "user_key");

    /// <summary>A line of known_hosts that trusts this server's key as <c>[127.0.0.1]:port</c>.</summary>
    public string KnownHostsLine => $"[127.0.0.1]:{Port} {File.ReadAllText(Path.Combine(Directory, "host_key.pub")).Trim()}";

    /// <summary>Everything it logged.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<SshServer> StartAsync(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        await KeygenAsync(Path.Combine(directory, "host_key"));
        await KeygenAsync(Path.Combine(directory, "user_key"));
        File.Copy(Path.Combine(directory, "user_key.pub"), Path.Combine(directory, "authorized_keys"));

        // sshd refuses to start without its privilege separation directory, which the package makes at boot.
        System.IO.Directory.CreateDirectory("/run/sshd");
        var port = FreePort();
        var config = Path.Combine(directory, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {directory}/host_key
            PidFile {directory}/sshd.pid
            AuthorizedKeysFile {directory}/authorized_keys
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no
            Subsystem sftp internal-sftp
            LogLevel VERBOSE

            """);
        var start = new ProcessStartInfo(Program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Server listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("sshd exited: " + log));
        process.Start();
        process.BeginErrorReadLine();
        var server = new SshServer(process, log, directory, port);
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private static async Task KeygenAsync(string file)
    {
        var run = await Debian.RunAsync("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "steward-test", "-f", file);
        Assert.True(run.ExitCode == 0, "ssh-keygen: " + run);
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
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>A test that needs sshd and dpkg: skipped, saying what to install, where they are missing (and failing instead under CI, whose .ci/run installs them).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SshFactAttribute : FactAttribute
{
    public SshFactAttribute()
    {
        if ((!SshServer.Installed || !Debian.HasDpkg) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "sshd (openssh-server) or dpkg is not installed, so steward push is not tried against a real SSH server (apt-get install openssh-server dpkg)";
        }
    }
}
