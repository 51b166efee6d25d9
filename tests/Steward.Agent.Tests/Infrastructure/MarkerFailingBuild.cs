namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// A package directory of a real native build that fails its health check only on a computer that holds a marker
/// file, for the rollout stories (a pilot whose upgrade fails halts the rollout). Its entry point
/// <c>steward-agent</c> is a shell script: where <see cref="Marker"/> lies in the agent's directory it exits 1 with
/// <see cref="Words"/> on its standard error, as a version that cannot start there would; elsewhere it runs the real
/// program, shipped beside it as <c>steward-agent.native</c>, with its arguments. The agent's own health check (the
/// staged program's <c>version --json</c>) is what fails, so the production agent carries no test hook and no further
/// native publish is needed.
/// </summary>
internal static class MarkerFailingBuild
{
    /// <summary>The marker's name in the agent's directory (the <c>--state-dir</c>).</summary>
    public const string Marker = "health-check-fails";

    /// <summary>What the program says when it refuses to start; the agent's failure report quotes it.</summary>
    public static string Words(string version) => $"steward-agent {version} cannot start on this computer ({Marker} is present)";

    /// <summary>Writes the package directory of <paramref name="version"/> under <paramref name="parent"/> and returns it.</summary>
    public static string Create(NativeAgentBuilds builds, string version, string parent)
    {
        ArgumentNullException.ThrowIfNull(builds);
        var directory = Path.Combine(parent, $"marker-failing-{version}");
        Directory.CreateDirectory(directory);
        File.Copy(builds.Program(version), Path.Combine(directory, "steward-agent.native"));
        var program = Path.Combine(directory, "steward-agent");
        // Run as versions/<version>/steward-agent (the health check) or through the link current/steward-agent: either
        // way the kernel resolves "../.." from the real directory versions/<version>, so it is the agent's directory.
        File.WriteAllText(program, $"""
            #!/bin/sh
            here=$(dirname "$0")
            if [ -e "$here/../../{Marker}" ]; then
              echo '{Words(version)}' >&2
              exit 1
            fi
            exec "$here/steward-agent.native" "$@"

            """);
        File.SetUnixFileMode(program, File.GetUnixFileMode(program) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return directory;
    }

    /// <summary>Puts the marker on the computer whose agent directory is <paramref name="state"/>: the version fails there.</summary>
    public static void Break(string state) => File.WriteAllText(Path.Combine(state, Marker), "");

    /// <summary>Removes the marker ("the fix"): the version starts there again.</summary>
    public static void Fix(string state) => File.Delete(Path.Combine(state, Marker));
}
