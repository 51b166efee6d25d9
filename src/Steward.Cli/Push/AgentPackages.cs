using Steward.Policy.Versions;

namespace Steward.Cli.Push;

/// <summary>
/// The agent's Debian packages <c>steward push</c> copies, found in a directory by their file names
/// (<c>steward-agent_VERSION_ARCH.deb</c>, as packaging/deb/build-agent-deb.sh names them): for each architecture the newest.
/// </summary>
internal sealed class AgentPackages
{
    private readonly Dictionary<string, (AgentVersion Version, string Path)> _newest = new(StringComparer.Ordinal);

    private AgentPackages(string directory)
    {
        Directory = directory;
    }

    /// <summary>Where they were looked for.</summary>
    public string Directory { get; }

    /// <summary>The architectures there are packages for, sorted.</summary>
    public IReadOnlyList<string> Architectures => [.. _newest.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Reads the directory's package names.</summary>
    public static AgentPackages In(string directory)
    {
        var packages = new AgentPackages(directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "steward-agent_*_*.deb"))
        {
            var parts = Path.GetFileNameWithoutExtension(file).Split('_');
            if (parts.Length == 3 && AgentVersion.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var version)
                && (!packages._newest.TryGetValue(parts[2], out var known) || version > known.Version))
            {
                packages._newest[parts[2]] = (version, file);
            }
        }

        return packages;
    }

    /// <summary>The package for a Debian architecture (<c>amd64</c>), or null.</summary>
    public (AgentVersion Version, string Path)? For(string debianArchitecture) =>
        _newest.TryGetValue(debianArchitecture, out var found) ? found : null;

    /// <summary>Debian's name of the architecture <c>uname -m</c> prints, or null for one Debian does not name here.</summary>
    public static string? DebianArchitecture(string machine) => machine.Trim() switch
    {
        "x86_64" or "amd64" => "amd64",
        "aarch64" or "arm64" => "arm64",
        "armv7l" or "armv6l" => "armhf",
        "i386" or "i486" or "i586" or "i686" => "i386",
        "riscv64" => "riscv64",
        "ppc64le" => "ppc64el",
        "s390x" => "s390x",
        _ => null,
    };
}
