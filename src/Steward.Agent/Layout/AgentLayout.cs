namespace Steward.Agent.Layout;

/// <summary>
/// The agent's one directory and everything in it:
/// <c>state.json</c>, <c>versions/&lt;version&gt;/</c> (complete versions only once marked),
/// <c>current</c> (a symbolic link on Unix, a pointer file <c>current.txt</c> on Windows),
/// <c>downloads/&lt;sha256&gt;.partial</c>, <c>staging/</c> and the lock file.
/// </summary>
/// <param name="Root">The state directory.</param>
internal sealed record AgentLayout(string Root)
{
    /// <summary>The file, inside a version directory, whose presence makes the version complete; written last.</summary>
    public const string CompleteMarkerName = ".steward-complete.json";

    /// <summary>The default state directory of this operating system.</summary>
    public static string DefaultRoot => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Steward", "Agent")
        : "/var/lib/steward-agent";

    /// <summary>The state file.</summary>
    public string StateFile => Path.Combine(Root, "state.json");

    /// <summary>The last state written whole, beside the state file: what <c>doctor --repair</c> restores a damaged one from.</summary>
    public string StateBackup => Path.Combine(Root, "state.last-good.json");

    /// <summary>Where complete versions live, one directory each.</summary>
    public string Versions => Path.Combine(Root, "versions");

    /// <summary>The pointer to the version that runs: a symbolic link on Unix, a file holding the version on Windows.</summary>
    public string Current => Path.Combine(Root, OperatingSystem.IsWindows() ? "current.txt" : "current");

    /// <summary>Partial and finished downloads.</summary>
    public string Downloads => Path.Combine(Root, "downloads");

    /// <summary>Where a package is extracted before it becomes a version.</summary>
    public string Staging => Path.Combine(Root, "staging");

    /// <summary>Held while a command works on the directory, so that two agents never update at once.</summary>
    public string LockFile => Path.Combine(Root, "agent.lock");

    /// <summary>The directory of one version.</summary>
    public string VersionDirectory(string version) => Path.Combine(Versions, version);

    /// <summary>The completeness marker of one version.</summary>
    public string CompleteMarker(string version) => Path.Combine(VersionDirectory(version), CompleteMarkerName);

    /// <summary>The partial download of an archive.</summary>
    public string Partial(string sha256) => Path.Combine(Downloads, sha256 + ".partial");

    /// <summary>Creates the directories that must exist.</summary>
    public void Create()
    {
        foreach (var directory in new[] { Root, Versions, Downloads, Staging })
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }
    }
}
