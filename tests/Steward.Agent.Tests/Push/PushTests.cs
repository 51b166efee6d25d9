using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;
using Steward.Agent.Tests.EndToEnd;
using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Agent.Tests.Push;

/// <summary>
/// <c>steward push</c> against Debian's real sshd started here on 127.0.0.1 with generated keys, the real server, the
/// agent's real .deb and the real dpkg, which installs into a throwaway root on the "host" (<c>--root</c>) so that
/// this computer is not changed. A host whose key is unknown or wrong, or which refuses the user's key, is left
/// exactly as it was; a host outside every boundary of the logon point is reported as such and left without the package.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class PushTests(NativeAgentBuilds builds) : IAsyncLifetime
{
    private const string Sp2 = NativeAgentBuilds.Sp2;
    private const string Secret = "push-enrollment-secret";

    private readonly TempDirectory _temp = new("steward-push");
    private RealServer _server = null!;
    private SshServer _ssh = null!;
    private string _debs = null!;
    private string _root = null!;

    private string Host => $"127.0.0.1:{_ssh.Port}";

    private string KnownHosts => _temp.Combine("known_hosts");

    private string State => Path.Combine(_root, "var/lib/steward-agent");

    // A boundary that holds none of this computer's addresses: one of the documentation ranges (RFC 5737), as some
    // sandboxes number their own networks in the first of them.
    private static string Elsewhere()
    {
        var mine = NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address).ToList();
        string[] ranges = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"];
        return ranges.First(r => !mine.Any(IPNetwork.Parse(r).Contains));
    }

    public async Task InitializeAsync()
    {
        if (!SshServer.Installed || !Debian.HasDpkg)
        {
            return;
        }

        _server = await RealServer.StartAsync(_temp.Combine("server-data"));
        await _server.PublishAsync(await Q262677StoryTests.BuildPackageAsync(builds, _temp, Sp2), Sp2);
        await _server.SendAsync(HttpMethod.Post, Routes.Sites, new SiteRequest("ALL", "Everywhere", Sp2, ["0.0.0.0/0", "::/0"]), ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView);
        await _server.SendAsync(HttpMethod.Post, Routes.Sites, new SiteRequest("FAR", "Elsewhere", Sp2, [Elsewhere()]), ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView);
        await _server.SendAsync(HttpMethod.Post, Routes.LogonPoints, new LogonPointRequest("DC1", ["ALL"], null, Secret), ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView);
        await _server.SendAsync(HttpMethod.Post, Routes.LogonPoints, new LogonPointRequest("FAR", ["FAR"], null, Secret), ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView);
        _debs = _temp.Combine("debs");
        await Debian.BuildAgentAsync(builds.Directory(Sp2), Sp2, _debs);
        _ssh = await SshServer.StartAsync(_temp.Combine("ssh"));
        _root = Debian.NewRoot(_temp.Combine("host-root"));
    }

    [SshFact]
    public async Task Push_InstallsAndEnrollsTheAgent_ThenFindsItAlreadyManaged_AndAuditsEachAttempt()
    {
        await File.WriteAllTextAsync(KnownHosts, _ssh.KnownHostsLine + "\n");

        var first = await PushAsync("DC1");
        var second = await PushAsync("DC1");

        var installed = Assert.Single(first.Results);
        Assert.True(installed.Result == PushResults.Installed, first.ToString());
        Assert.Equal(Sp2, installed.Version);
        Assert.Equal(Host, installed.Host);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(State));
        var status = NativeWorld.Status(await NativeWorld.RunAsync(State, "status", "--json"));
        Assert.True(status.Enrolled);
        var clients = await _server.GetAsync(Routes.Clients, ProtocolJson.Default.ClientPage);
        Assert.Equal(status.ClientId, Assert.Single(clients.Clients).Id);

        Assert.Equal(PushResults.AlreadyManaged, Assert.Single(second.Results).Result);
        var audit = await _server.GetAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry);
        var pushes = audit.Where(a => a.Action == "client.push").ToList();
        Assert.Equal(2, pushes.Count);
        Assert.All(pushes, p => Assert.Equal(Host, p.Target));
        Assert.Contains("\"result\":\"already managed\"", pushes[0].Details, StringComparison.Ordinal);
        Assert.Contains("\"result\":\"installed\"", pushes[1].Details, StringComparison.Ordinal);
        Assert.Empty(LeftoverCopies());
    }

    [SshFact]
    public async Task AnUnknownHostKey_IsRefused_NothingChanges_ThenRetryFailedWithAcceptNew_RecordsItAndInstalls()
    {
        var refused = await PushAsync("DC1");

        var attempt = Assert.Single(refused.Results);
        Assert.Equal(PushResults.Unreachable, attempt.Result);
        Assert.Contains("is not in", attempt.Detail, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        AssertUnchanged();
        Assert.DoesNotContain("Accepted publickey", _ssh.Log, StringComparison.Ordinal);
        Assert.False(File.Exists(KnownHosts), "a refused host key was recorded in known_hosts");

        var retried = await PushAsync("DC1", "--retry-failed", "--accept-new");

        Assert.Equal(PushResults.Installed, Assert.Single(retried.Results).Result);
        Assert.Equal(_ssh.KnownHostsLine.Split(' ')[..3], (await File.ReadAllTextAsync(KnownHosts)).Trim().Split(' ')[..3]);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(State));
    }

    [SshFact]
    public async Task AWrongHostKey_IsRefused_EvenWithAcceptNew_AndNothingChanges()
    {
        var other = _temp.Combine("other_host_key");
        Assert.Equal(0, (await Debian.RunAsync("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other)).ExitCode);
        var pinned = $"[127.0.0.1]:{_ssh.Port} {(await File.ReadAllTextAsync(other + ".pub")).Trim()}\n";
        await File.WriteAllTextAsync(KnownHosts, pinned);

        var refused = await PushAsync("DC1", "--accept-new");

        var attempt = Assert.Single(refused.Results);
        Assert.Equal(PushResults.Unreachable, attempt.Result);
        Assert.Contains("is not the one", attempt.Detail, StringComparison.Ordinal);
        AssertUnchanged();
        Assert.Equal(pinned, await File.ReadAllTextAsync(KnownHosts));
    }

    [SshFact]
    public async Task AUserKeyTheHostDoesNotAccept_IsAuthenticationRefused_AndNothingChanges()
    {
        await File.WriteAllTextAsync(KnownHosts, _ssh.KnownHostsLine + "\n");
        var stranger = _temp.Combine("stranger_key");
        Assert.Equal(0, (await Debian.RunAsync("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger)).ExitCode);

        var refused = await PushAsync("DC1", "--identity", stranger);

        Assert.Equal(PushResults.AuthenticationRefused, Assert.Single(refused.Results).Result);
        AssertUnchanged();
    }

    [SshFact]
    public async Task AHostOutsideEveryBoundaryOfTheLogonPoint_IsReportedAsSuch_AndLeftWithoutThePackage()
    {
        await File.WriteAllTextAsync(KnownHosts, _ssh.KnownHostsLine + "\n");

        var far = await PushAsync("FAR");

        var attempt = Assert.Single(far.Results);
        Assert.True(attempt.Result == PushResults.NotInBoundaries, far.ToString());
        Assert.Contains("the package was removed again", attempt.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(State, "state.json")), "a host outside every boundary must not be enrolled");
        var query = await Debian.RunAsync("dpkg-query", "--admindir=" + Path.Combine(_root, "var/lib/dpkg"), "-W", "-f", "${Status}", "steward-agent");
        Assert.DoesNotContain(" installed", query.Out, StringComparison.Ordinal);
        Assert.Empty((await _server.GetAsync(Routes.Clients, ProtocolJson.Default.ClientPage)).Clients);
    }

    private async Task<PushRunResult> PushAsync(string logonPoint, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = [
            RealServer.Cli, "push", .. extra.Contains("--retry-failed") ? Array.Empty<string>() : [Host], "--logon-point", logonPoint, "--secret", Secret,
            "--server", _server.Origin.ToString(), "--token-file", Path.Combine(_server.Data, "admin-token"), "--user", "root",
            .. extra.Contains("--identity") ? Array.Empty<string>() : ["--identity", _ssh.UserKey],
            "--known-hosts", KnownHosts, "--packages", _debs, "--root", _root, "--json", .. extra];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["XDG_CONFIG_HOME"] = _temp.Combine("config");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        var run = new PushRunResult(process.ExitCode, await output, await errors + "\n--- sshd\n" + _ssh.Log);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return run;
    }

    // Nothing on the refused host: the root as made (an empty dpkg database), no copy left in /tmp.
    private void AssertUnchanged()
    {
        Assert.False(Directory.Exists(State), "a refused host must not get the agent");
        Assert.Equal("", File.ReadAllText(Path.Combine(_root, "var/lib/dpkg/status")));
        Assert.Empty(LeftoverCopies());
    }

    private static IEnumerable<string> LeftoverCopies() => Directory.EnumerateDirectories("/tmp", "steward-push.*").Where(d => Directory.EnumerateFileSystemEntries(d).Any());

    public async Task DisposeAsync()
    {
        if (_ssh is not null)
        {
            await _ssh.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _temp.Dispose();
    }

    private sealed record PushRunResult(int ExitCode, string Out, string Error)
    {
        public IReadOnlyList<PushAttempt> Results => JsonSerializer.Deserialize<List<PushAttempt>>(Out, JsonSerializerOptions.Web)!;

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }
}
