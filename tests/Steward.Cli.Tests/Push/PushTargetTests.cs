using System.Diagnostics;
using Steward.Cli.Push;

namespace Steward.Cli.Tests.Push;

/// <summary>The commands a push runs on a host, run here by the real sh against a stand-in agent that prints what it got.</summary>
public sealed class PushTargetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // hosts are pushed to over SSH with sh: Linux
    public async Task TheEnrollCommand_GivesTheAgentTheSecretFromItsFile_AndNeverHoldsTheSecretItself()
    {
        const string Secret = "s3cr'et $HOME \"x\"";
        var agent = Path.Combine(_temp.Path, "var/lib/steward-agent/current/steward-agent");
        Directory.CreateDirectory(Path.GetDirectoryName(agent)!);
        await File.WriteAllTextAsync(agent, "#!/bin/sh\nprintf '%s\\n' \"$STEWARD_ENROLLMENT_SECRET\" \"$@\"\n");
        File.SetUnixFileMode(agent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var secretFile = Path.Combine(_temp.Path, "enrollment-secret");
        await File.WriteAllTextAsync(secretFile, Secret);
        var target = new PushTarget("DC1", "http://dc1.example:8080", Secret, UseSudo: false, Root: _temp.Path);

        var command = target.EnrollCommand(secretFile);
        var said = await RunAsync(command);

        // sudo logs the command line and ps shows it: the secret is in neither, only in the agent's environment.
        Assert.DoesNotContain("s3cr", command, StringComparison.Ordinal);
        Assert.Equal(
            [Secret, "install", "--state-dir", Path.Combine(_temp.Path, "var/lib/steward-agent"), "--logon-point", "http://dc1.example:8080", "--json"],
            said.TrimEnd('\n').Split('\n'));
    }

    private static async Task<string> RunAsync(string command)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    public void Dispose() => _temp.Dispose();
}
