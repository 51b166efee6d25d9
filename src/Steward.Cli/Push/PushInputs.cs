using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol.Admin;

namespace Steward.Cli.Push;

/// <summary>The push's inputs read and checked before any host is touched: hosts, packages, keys and known_hosts.</summary>
internal static class PushInputs
{
    // The keys ssh offers by default, in its order.
    private static readonly string[] UsualKeys = ["id_ed25519", "id_ecdsa", "id_rsa"];

    /// <summary>The hosts: those named, then the inventory's, then the last run's failed ones; each once, in that order.</summary>
    public static IReadOnlyList<HostSpec> Hosts(PushOptions options, CliEnvironment environment, string statePath)
    {
        var texts = new List<string>(options.Hosts);
        if (options.Inventory is { } inventory)
        {
            var path = environment.PathOf(inventory);
            try
            {
                texts.AddRange(File.ReadLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).Select(l => l.Split((char[])[' ', '\t'])[0]));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw AdminFailure.InvalidInput($"--inventory: cannot read {path}: {e.Message}");
            }
        }

        if (options.RetryFailed)
        {
            var last = PushRun.Read(statePath) ?? throw AdminFailure.InvalidInput($"--retry-failed: there is no earlier push to retry ({statePath} does not exist)");
            texts.AddRange(last.Hosts.Where(h => PushResults.IsFailure(h.Result!)).Select(h => h.Host!));
        }

        var hosts = new List<HostSpec>();
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            hosts.Add(HostSpec.Parse(text, out var problem) ?? throw AdminFailure.InvalidInput(problem!));
        }

        return hosts.Count > 0
            ? hosts
            : throw AdminFailure.InvalidInput(options.RetryFailed
                ? "--retry-failed: the last push failed on no host; nothing to do"
                : "no host: name hosts, or give --inventory FILE or --retry-failed");
    }

    /// <summary>The agent packages, refused when there is none to copy.</summary>
    public static AgentPackages Packages(PushOptions options, CliEnvironment environment)
    {
        var directory = environment.PathOf(options.Packages ?? ".");
        if (!Directory.Exists(directory))
        {
            throw AdminFailure.InvalidInput($"--packages: {directory} is not a directory");
        }

        var packages = AgentPackages.In(directory);
        return packages.Architectures.Count > 0
            ? packages
            : throw AdminFailure.InvalidInput($"--packages: {directory} holds no agent package (steward-agent_VERSION_ARCH.deb; packaging/deb/build-agent-deb.sh builds one)");
    }

    /// <summary>The private keys to offer: those given, else the user's usual ones that exist.</summary>
    public static IReadOnlyList<string> Identities(PushOptions options, CliEnvironment environment)
    {
        if (options.Identities.Count > 0)
        {
            var given = options.Identities.Select(environment.PathOf).ToList();
            return given.FirstOrDefault(f => !File.Exists(f)) is { } missing ? throw AdminFailure.InvalidInput($"--identity: {missing} does not exist") : given;
        }

        var ssh = Path.Combine(Home(environment), ".ssh");
        var usual = UsualKeys.Select(n => Path.Combine(ssh, n)).Where(File.Exists).ToList();
        return usual.Count > 0 ? usual : throw AdminFailure.InvalidInput($"no private key: give --identity FILE (none of id_ed25519, id_ecdsa, id_rsa is in {ssh})");
    }

    /// <summary>The known_hosts file: the one given, else the user's.</summary>
    public static string KnownHostsPath(PushOptions options, CliEnvironment environment) =>
        options.KnownHostsFile is { } file ? environment.PathOf(file) : Path.Combine(Home(environment), ".ssh", "known_hosts");

    private static string Home(CliEnvironment environment) =>
        environment.Variable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
