using System.Collections.Concurrent;
using System.Text.Json;
using Steward.Agent.Flows;
using Steward.Agent.Layout;
using Steward.Agent.State;
using Steward.Protocol.Agent;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// The real native agent against a fake site server on loopback: packages of the real builds, signed by
/// the fake server's key, and helpers to install a computer, run commands and check that it ends with a
/// complete, working agent.
/// </summary>
internal sealed class NativeWorld : IAsyncDisposable
{
    public const string Secret = "enroll-me";
    public const string Site = "B01";

    private readonly ConcurrentDictionary<string, (byte[] Archive, PackageOffer Offer)> _packages = new(StringComparer.Ordinal);

    private NativeWorld(NativeAgentBuilds builds, FakeSiteServer server)
    {
        Builds = builds;
        Server = server;
    }

    public NativeAgentBuilds Builds { get; }

    public FakeSiteServer Server { get; }

    public PackageSigner Signer { get; } = new();

    public TempDirectory Temp { get; } = new("steward-native");

    public static async Task<NativeWorld> StartAsync(NativeAgentBuilds builds) => new(builds, await FakeSiteServer.StartAsync());

    /// <summary>The offer of a real build, served by the fake server, its manifest signed (the whole offer is signed per request).</summary>
    public PackageOffer Offer(string version) =>
        _packages.GetOrAdd(version, v =>
        {
            var archive = PackageSigner.Archive(Builds.Directory(v), v);
            Server.Serve(archive);
            return (archive, Signer.Offer(archive, v));
        }).Offer;

    /// <summary>The answer that installs <paramref name="version"/> on a new computer, its offer signed for <paramref name="request"/>.</summary>
    public LogonResponse Installed(string version, LogonRequest request) =>
        new("Installed", $"installed {version}", version, [Site], Signer.Signed(Offer(version), "client-1", request.Nonce!, request.Installed, "install"),
            new Enrollment("client-1", "secret-1"), Signer.PublicKey, Server.AccessPoints(Site));

    /// <summary>The answer that upgrades to <paramref name="version"/>, its offer signed for <paramref name="request"/>.</summary>
    public CycleResponse Upgraded(string version, CycleRequest request, string kind = "hotfix") =>
        new("Upgraded", kind, $"upgraded to {version}", version, [Site], Signer.Signed(Offer(version), "client-1", request.Nonce!, request.Installed, kind),
            Server.AccessPoints(Site));

    public CycleResponse UpToDate(string version) =>
        new("UpToDate", null, $"{version} is the site's version", version, [Site], null, Server.AccessPoints(Site));

    /// <summary>Enrolls and installs <paramref name="version"/> on a new computer whose agent directory is returned.</summary>
    public async Task<string> InstallAsync(string version, string? directory = null)
    {
        var state = directory ?? Temp.Combine("computer-" + Guid.NewGuid().ToString("N")[..8]);
        Server.Logon = request => Installed(version, request);
        var run = await AgentProcess.RunAsync(Builds.Program(version), "logon", "--logon-point", Server.LogonPoint.ToString(), "--secret", Secret,
            "--state-dir", state, "--address", "10.1.0.5", "--name", "PC-TEST");
        Assert.True(run.ExitCode == 0, run.ToString());
        return state;
    }

    /// <summary>The installed program, as the service would run it.</summary>
    public static string CurrentProgram(string state) => Path.Combine(state, "current", "steward-agent");

    public static Task<AgentRun> RunAsync(string state, params string[] args) =>
        AgentProcess.RunAsync(CurrentProgram(state), [.. args, "--state-dir", state]);

    /// <summary>
    /// Checks the invariant of every moment: the pointer names a complete version, and that version's
    /// program starts and reports the version it is installed as. Returns the version.
    /// </summary>
    public static async Task<string> AssertWorkingAgentAsync(string state)
    {
        var layout = new AgentLayout(state);
        var current = new CurrentPointer(layout).Read();
        Assert.NotNull(current);
        Assert.NotNull(new VersionStore(layout).Marker(current));
        var run = await AgentProcess.RunAsync(CurrentProgram(state), "version", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(current, JsonDocument.Parse(run.Out).RootElement.GetProperty("version").GetString());
        return current;
    }

    /// <summary>Checks that nothing of an update is left lying around.</summary>
    public static void AssertNoLeftovers(string state)
    {
        var layout = new AgentLayout(state);
        Assert.Empty(Directory.EnumerateFileSystemEntries(layout.Staging));
        Assert.Empty(Directory.EnumerateFileSystemEntries(layout.Downloads));
        var versions = new VersionStore(layout);
        Assert.All(versions.Directories(), d => Assert.NotNull(versions.Marker(d)));
    }

    public static StatusDocument Status(AgentRun run) => JsonSerializer.Deserialize(run.Out, AgentJson.Default.StatusDocument)!;

    public static ResultDocument Result(AgentRun run) => JsonSerializer.Deserialize(run.Out.Split('\n')[0], AgentJson.Default.ResultDocument)!;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Signer.Dispose();
        Temp.Dispose();
    }
}
