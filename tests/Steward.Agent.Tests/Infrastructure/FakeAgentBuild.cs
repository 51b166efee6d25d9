namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// A stand-in agent program for in-process tests of the updater: a shell script that answers
/// <c>version --json</c> like the real one. The process tests use the real native builds instead.
/// </summary>
internal static class FakeAgentBuild
{
    /// <summary>Writes the script into a new directory under <paramref name="parent"/> and returns the directory.</summary>
    public static string Create(string parent, string version, string? reports = null)
    {
        var directory = Path.Combine(parent, $"fake-{version}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var program = Path.Combine(directory, "steward-agent");
        File.WriteAllText(program, $"#!/bin/sh\necho '{{\"program\":\"steward-agent\",\"version\":\"{reports ?? version}\"}}'\n");
        File.SetUnixFileMode(program, File.GetUnixFileMode(program) | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(directory, "README.txt"), $"agent {version}\n");
        return directory;
    }
}
