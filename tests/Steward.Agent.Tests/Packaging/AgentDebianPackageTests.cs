using Steward.Agent.Layout;
using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Packaging;

/// <summary>
/// The agent's Debian package, built by packaging/deb/build-agent-deb.sh from the real native builds and
/// installed by the real dpkg into a throwaway root: the agent runs from it, and a package never takes down
/// an agent that updated itself through its server.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class AgentDebianPackageTests(NativeAgentBuilds builds) : IDisposable
{
    private const string Sp1 = NativeAgentBuilds.Sp1;
    private const string Sp2 = NativeAgentBuilds.Sp2;
    private const string Hotfix = NativeAgentBuilds.Sp2Hotfix;

    private readonly TempDirectory _temp = new("steward-deb");

    [DebianFact]
    public async Task Install_PlacesTheAgentInItsVersionedLayout_EnablesTheUnits_AndTheAgentRuns()
    {
        var deb = await Debian.BuildAgentAsync(builds.Directory(Sp2), Sp2, _temp.Combine("debs"));
        var root = Debian.NewRoot(_temp.Combine("root"));

        var install = await Debian.InstallAsync(root, deb);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains("Placed: no agent is installed", install.Out, StringComparison.Ordinal);
        var state = Path.Combine(root, "var/lib/steward-agent");
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
        var marker = new VersionStore(new AgentLayout(state)).Marker(Sp2)!;
        Assert.Equal(new FileInfo(Path.Combine(root, "usr/lib/steward-agent/steward-agent")).Length, Assert.Single(marker.Files!).Size);
        Assert.Equal("/var/lib/steward-agent/current/steward-agent", new FileInfo(Path.Combine(root, "usr/bin/steward-agent")).LinkTarget);

        // Enabled, not started: the service waits for enrollment (its condition, and the path unit that starts it).
        Assert.True(File.Exists(Path.Combine(root, "etc/systemd/system/multi-user.target.wants/steward-agent.service")));
        Assert.True(File.Exists(Path.Combine(root, "etc/systemd/system/paths.target.wants/steward-agent.path")));
        var unit = await File.ReadAllTextAsync(Path.Combine(root, "lib/systemd/system/steward-agent.service"));
        Assert.Contains("ConditionPathExists=/var/lib/steward-agent/state.json", unit, StringComparison.Ordinal);

        var status = await NativeWorld.RunAsync(state, "status", "--json");
        Assert.Equal(3, status.ExitCode);
        Assert.Equal(Sp2, NativeWorld.Status(status).Installed);
        Assert.False(NativeWorld.Status(status).Enrolled);
    }

    [DebianFact]
    public async Task Upgrade_ANewerPackage_BecomesCurrent_AndKeepsTheOlderAsPrevious()
    {
        var root = Debian.NewRoot(_temp.Combine("root"));
        var state = Path.Combine(root, "var/lib/steward-agent");
        Assert.Equal(0, (await Debian.InstallAsync(root, await Debian.BuildAgentAsync(builds.Directory(Sp1), Sp1, _temp.Combine("debs")))).ExitCode);

        var upgrade = await Debian.InstallAsync(root, await Debian.BuildAgentAsync(builds.Directory(Sp2), Sp2, _temp.Combine("debs")));

        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
        Assert.Equal([Sp1, Sp2], new VersionStore(new AgentLayout(state)).Complete().Select(v => v.ToString()));
        NativeWorld.AssertNoLeftovers(state);
    }

    [DebianFact]
    public async Task AnOlderPackage_AfterTheAgentUpdatedItselfThroughTheServer_LeavesTheNewerAgentCurrent()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var debs = _temp.Combine("debs");
        var root = Debian.NewRoot(_temp.Combine("root"));
        var state = Path.Combine(root, "var/lib/steward-agent");
        Assert.Equal(0, (await Debian.InstallAsync(root, await Debian.BuildAgentAsync(builds.Directory(Sp2), Sp2, debs))).ExitCode);

        // Enrolled at the logon point (the package's version is the site's), then upgraded to the hotfix by a cycle.
        world.Server.Logon = request => world.Installed(Sp2, request);
        var logon = await NativeWorld.RunAsync(state, "install", "--logon-point", world.Server.LogonPoint.ToString(), "--secret", NativeWorld.Secret, "--address", "10.1.0.5");
        Assert.True(logon.ExitCode == 0, logon.ToString());
        world.Server.Cycle = (_, request) => world.Upgraded(Hotfix, request);
        var cycle = await NativeWorld.RunAsync(state, "cycle");
        Assert.True(cycle.ExitCode == 0, cycle.ToString());
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(state));

        var reinstall = await Debian.InstallAsync(root, await Debian.BuildAgentAsync(builds.Directory(Sp2), Sp2, debs));
        var older = await Debian.InstallAsync(root, await Debian.BuildAgentAsync(builds.Directory(Sp1), Sp1, debs));

        Assert.True(reinstall.ExitCode == 0, reinstall.ToString());
        Assert.True(older.ExitCode == 0, older.ToString());
        Assert.Contains($"Nothing changed: {Hotfix} is the installed agent, newer than the package's {Sp1}", older.Out, StringComparison.Ordinal);
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(state));
        Assert.DoesNotContain(Sp1, new VersionStore(new AgentLayout(state)).Directories());
        var status = NativeWorld.Status(await NativeWorld.RunAsync(state, "status", "--json"));
        Assert.True(status.Enrolled);
        Assert.Equal(Hotfix, status.Installed);
    }

    [DebianFact]
    public async Task Purge_RemovesTheAgentsDirectory()
    {
        var root = Debian.NewRoot(_temp.Combine("root"));
        Assert.Equal(0, (await Debian.InstallAsync(root, await Debian.BuildAgentAsync(builds.Directory(Sp2), Sp2, _temp.Combine("debs")))).ExitCode);

        var purge = await Debian.PurgeAsync(root);

        Assert.True(purge.ExitCode == 0, purge.ToString());
        Assert.False(Directory.Exists(Path.Combine(root, "var/lib/steward-agent")));
        Assert.False(File.Exists(Path.Combine(root, "usr/lib/steward-agent/steward-agent")));
    }

    [LintianFact]
    public async Task Lintian_FindsNoErrorOrWarning()
    {
        var deb = await Debian.BuildAgentAsync(builds.Directory(Sp2), Sp2, _temp.Combine("debs"));

        var run = await Debian.RunAsync("lintian", "--tag-display-limit", "0", deb);

        var tags = run.Out.Split('\n').Where(l => l.StartsWith("E:", StringComparison.Ordinal) || l.StartsWith("W:", StringComparison.Ordinal)).ToList();
        Assert.True(tags.Count == 0, "lintian: " + string.Join('\n', tags));
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [DebianFact]
    public async Task ManPage_IsTheProgramsOwnHelp()
    {
        var deb = await Debian.BuildAgentAsync(builds.Directory(Sp2), Sp2, _temp.Combine("debs"));
        var extracted = _temp.Combine("x");
        Assert.Equal(0, (await Debian.RunAsync("dpkg-deb", "-x", deb, extracted)).ExitCode);
        var help = await AgentProcess.RunAsync(builds.Program(Sp2), "--help");

        var man = await Debian.RunAsync("sh", "-c", $"zcat '{extracted}/usr/share/man/man8/steward-agent.8.gz'");

        Assert.Equal(0, man.ExitCode);
        foreach (var line in help.Out.Split('\n').Where(l => l.Contains("--", StringComparison.Ordinal)))
        {
            Assert.Contains(line.Replace("\\", "\\e", StringComparison.Ordinal), man.Out, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _temp.Dispose();
}
