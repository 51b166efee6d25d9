using System.Diagnostics;
using System.Net.Sockets;
using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Packaging;

/// <summary>
/// The server's Debian package, built by packaging/deb/build-server-deb.sh from a self-contained publish of the
/// real <c>steward</c> and installed by the real dpkg into a throwaway root: its own system user, its data
/// directory and settings, the unit; then the installed server runs as that user, shares its token with the
/// steward group, and a member of the group administers it. In the native collection, so that its publish never
/// runs beside the agent's (they share the Release build of the libraries).
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class ServerDebianPackageTests : IDisposable
{
    private readonly TempDirectory _temp = new("steward-server-deb");

    [DebianFact]
    public async Task Install_CreatesTheServersUser_AndTheInstalledServerRunsAsIt_ForTheStewardGroup()
    {
        var published = _temp.Combine("published");
        var publish = await Debian.RunAsync("dotnet", "publish", "src/Steward.Cli/Steward.Cli.csproj", "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", published, "-nologo");
        Assert.True(publish.ExitCode == 0, publish.ToString());
        var build = await Debian.RunAsync(Path.Combine(Repository.Root, "packaging", "deb", "build-server-deb.sh"), "--version", "1.0.0", "--published", published, "--out", _temp.Combine("debs"));
        Assert.True(build.ExitCode == 0, build.ToString());
        var deb = build.Out.Trim().Split('\n')[^1];

        // lintian: no error or warning; each tag left is overridden with its reason (packaging/deb/server/lintian-overrides).
        if (Debian.HasLintian)
        {
            var lintian = await Debian.RunAsync("lintian", "--tag-display-limit", "0", deb);
            var tags = lintian.Out.Split('\n').Where(l => l.StartsWith("E:", StringComparison.Ordinal) || l.StartsWith("W:", StringComparison.Ordinal)).ToList();
            Assert.True(tags.Count == 0 && lintian.ExitCode == 0, "lintian: " + lintian);
        }

        var root = Debian.NewRoot(_temp.Combine("root"));

        var install = await Debian.InstallAsync(root, deb);

        Assert.True(install.ExitCode == 0, install.ToString());
        var (uid, gid) = Ids(root);
        var data = Path.Combine(root, "var/lib/steward");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Contains("\"Data\": \"/var/lib/steward\"", await File.ReadAllTextAsync(Path.Combine(root, "etc/steward/appsettings.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "etc/systemd/system/multi-user.target.wants/steward.service")));
        Assert.Equal("../lib/steward/steward", new FileInfo(Path.Combine(root, "usr/bin/steward")).LinkTarget);
        var man = await Debian.RunAsync("sh", "-c", $"zcat '{root}/usr/share/man/man1/steward.1.gz'");
        Assert.Contains("steward push [<host>...] [options]", man.Out, StringComparison.Ordinal);

        // What steward.service does, run by hand: the server as the steward user, then the token shared.
        var port = FreePort();
        var server = Path.Combine(root, "usr/lib/steward/steward");
        var log = new System.Text.StringBuilder();
        using var process = Start(log, "setpriv", $"--reuid={uid}", $"--regid={gid}", "--clear-groups", server, "server", "--data", data, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            var share = await ShareAsync(root, process, log);
            Assert.True(share.ExitCode == 0, share.ToString());
            var token = Path.Combine(root, "etc/steward/admin-token");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(token));

            // A member of the steward group (another user), and an outsider.
            var member = await Debian.RunAsync("setpriv", "--reuid=4242", "--regid=4242", $"--groups={gid}", server, "status", "--server", $"http://127.0.0.1:{port}", "--token-file", token);
            var outsider = await Debian.RunAsync("setpriv", "--reuid=4242", "--regid=4242", "--clear-groups", server, "status", "--server", $"http://127.0.0.1:{port}", "--token-file", token);

            Assert.True(member.ExitCode == 0, member.ToString());
            Assert.NotEqual(0, outsider.ExitCode);
            Assert.Contains("cannot read the token file", outsider.Error, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    // steward.service's ExecStartPost: waits (up to a minute) for the server's first token, then shares it.
    private static async Task<AgentRun> ShareAsync(string root, Process server, System.Text.StringBuilder log)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "usr/lib/steward/share-admin-token")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DPKG_ROOT"] = root;
        using var share = Process.Start(start)!;
        var stdout = share.StandardOutput.ReadToEndAsync();
        var stderr = share.StandardError.ReadToEndAsync();
        await Task.WhenAny(share.WaitForExitAsync(), server.WaitForExitAsync());
        Assert.False(server.HasExited, "the installed server exited: " + log);
        await share.WaitForExitAsync();
        return new AgentRun(share.ExitCode, await stdout, await stderr);
    }

    private static (string Uid, string Gid) Ids(string root)
    {
        var user = File.ReadAllLines(Path.Combine(root, "etc/passwd")).Select(l => l.Split(':')).Single(f => f[0] == "steward");
        var group = File.ReadAllLines(Path.Combine(root, "etc/group")).Select(l => l.Split(':')).Single(f => f[0] == "steward");
        Assert.NotEqual("0", user[2]);
        return (user[2], group[2]);
    }

    // Started with its output read as it comes (into log), so that a chatty server never blocks on a full pipe.
    private static Process Start(System.Text.StringBuilder log, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _temp.Dispose();
}
