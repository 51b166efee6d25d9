using System.Diagnostics;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// Debian's tools, run as processes: building the agent's .deb with the repository's script and installing it
/// with the real dpkg into a throwaway root. dpkg runs the maintainer scripts there without chroot
/// (<c>--force-script-chrootless</c>, which sets DPKG_ROOT for them), so the root needs no shell or libraries
/// of its own; dependencies are not installed there (<c>--force-depends</c>): the host has them.
/// </summary>
internal static class Debian
{
    public static bool HasDpkg => OnPath("dpkg-deb") && OnPath("dpkg");

    public static bool HasLintian => OnPath("lintian");

    /// <summary>Builds <c>steward-agent_V_amd64.deb</c> from a published agent into <paramref name="output"/>; returns its path.</summary>
    public static async Task<string> BuildAgentAsync(string published, string version, string output)
    {
        var run = await RunAsync(Path.Combine(Repository.Root, "packaging", "deb", "build-agent-deb.sh"), "--version", version, "--published", published, "--out", output);
        Assert.True(run.ExitCode == 0, "build-agent-deb.sh failed: " + run);
        var deb = run.Out.Trim().Split('\n')[^1];
        Assert.True(File.Exists(deb), $"build-agent-deb.sh printed '{deb}', which is not a file");
        return deb;
    }

    /// <summary>An empty root with an empty dpkg database.</summary>
    public static string NewRoot(string path)
    {
        foreach (var directory in new[] { "var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers" })
        {
            Directory.CreateDirectory(Path.Combine(path, directory));
        }

        File.WriteAllText(Path.Combine(path, "var/lib/dpkg/status"), "");
        return path;
    }

    /// <summary><c>dpkg -i</c> into <paramref name="root"/>.</summary>
    public static Task<AgentRun> InstallAsync(string root, string deb) =>
        RunAsync("dpkg", "--root=" + root, "--force-script-chrootless", "--force-depends", "--log=/dev/null", "-i", deb);

    /// <summary><c>dpkg --purge</c> in <paramref name="root"/>.</summary>
    public static Task<AgentRun> PurgeAsync(string root) =>
        RunAsync("dpkg", "--root=" + root, "--force-script-chrootless", "--log=/dev/null", "--purge", "steward-agent");

    public static async Task<AgentRun> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return new AgentRun(process.ExitCode, await stdout, await stderr);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));
}

/// <summary>
/// A test that needs dpkg: skipped, saying how to install it, where it is missing; under CI (<c>CI=true</c>),
/// whose .ci/run installs it, it runs and fails instead, so that a broken install cannot pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DebianFactAttribute : FactAttribute
{
    public DebianFactAttribute()
    {
        if (!Debian.HasDpkg && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "dpkg-deb and dpkg are not installed, so the Debian package is not built or installed (apt-get install dpkg-dev)";
        }
    }
}

/// <summary>A test that needs lintian as well as dpkg: skipped where it is missing, except under CI, which installs it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LintianFactAttribute : FactAttribute
{
    public LintianFactAttribute()
    {
        if (!(Debian.HasDpkg && Debian.HasLintian) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "lintian is not installed, so the Debian package is not checked with it (apt-get install lintian)";
        }
    }
}
