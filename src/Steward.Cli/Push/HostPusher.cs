using System.Text.Json;
using Steward.Protocol.Admin;

namespace Steward.Cli.Push;

/// <summary>
/// One host's push: its architecture (<c>uname -m</c>), whether an enrolled agent is already there, then the package
/// copied and installed with dpkg, and <c>steward-agent install</c> run against the logon point, which decides (R1, R2)
/// exactly as for any other install. A host the logon point does not take (outside every boundary) is left as it was
/// found: the package installed here is purged again. The copy is removed whatever happened.
/// </summary>
internal sealed class HostPusher(SshConnector connector, AgentPackages packages, PushTarget target)
{
    /// <summary>Pushes to one host; never throws for what the host did.</summary>
    public async Task<PushAttempt> PushAsync(HostSpec host, CancellationToken cancel)
    {
        var (shell, result, detail) = await connector.ConnectAsync(host, cancel).ConfigureAwait(false);
        if (shell is null)
        {
            return Attempt(host, result!, detail!, null);
        }

        using (shell)
        {
            try
            {
                return await PushAsync(host, shell, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Renci.SshNet.Common.SshException or IOException or System.Net.Sockets.SocketException)
            {
                return Attempt(host, PushResults.Unreachable, $"the connection to {host.Host} failed during the push: {e.Message}", null);
            }
        }
    }

    private async Task<PushAttempt> PushAsync(HostSpec host, RemoteShell shell, CancellationToken cancel)
    {
        var machine = await shell.RunAsync("uname -m", cancel).ConfigureAwait(false);
        var architecture = AgentPackages.DebianArchitecture(machine.Out);
        var package = architecture is null ? null : packages.For(architecture);
        if (machine.ExitStatus != 0 || package is not { } found)
        {
            return Attempt(host, PushResults.UnsupportedArchitecture,
                $"its machine is '{machine.Out.Trim()}'; there are agent packages in {packages.Directory} for: {(packages.Architectures.Count == 0 ? "none" : string.Join(", ", packages.Architectures))}", null);
        }

        var status = await shell.RunAsync($"{target.Sudo}{target.Agent} status {target.StateDirArgument}--json", cancel).ConfigureAwait(false);
        if (status.ExitStatus == 0 && Enrolled(status.Out) is { } client)
        {
            return Attempt(host, PushResults.AlreadyManaged, $"an enrolled agent is there (client {client}); nothing was copied", null);
        }

        var version = found.Version.ToString();
        var before = await shell.RunAsync($"dpkg-query {target.AdminDirArgument}-W -f '${{Status}}' steward-agent", cancel).ConfigureAwait(false);
        var hadPackage = before.ExitStatus == 0 && before.Out.Contains("installed", StringComparison.Ordinal) && !before.Out.Contains("not-installed", StringComparison.Ordinal);
        var temporary = await shell.RunAsync("mktemp -d /tmp/steward-push.XXXXXXXX", cancel).ConfigureAwait(false);
        if (temporary.ExitStatus != 0)
        {
            return Attempt(host, PushResults.Failed, $"no temporary directory for the package: {temporary.Said}", null);
        }

        var directory = temporary.Out.Trim();
        try
        {
            var remote = $"{directory}/{Path.GetFileName(found.Path)}";
            await shell.CopyAsync(found.Path, remote, cancel).ConfigureAwait(false);
            var install = await shell.RunAsync($"{target.Sudo}dpkg {target.DpkgRootArguments}-i {RemoteShell.Quote(remote)}", cancel).ConfigureAwait(false);
            if (install.ExitStatus != 0)
            {
                return Attempt(host, install.Error.Contains("sudo", StringComparison.Ordinal) ? PushResults.AuthenticationRefused : PushResults.Failed,
                    $"dpkg -i {Path.GetFileName(found.Path)} failed: {install.Said}", version);
            }

            // The secret goes into the 0700 directory (removed below), never onto a command line.
            var secret = $"{directory}/enrollment-secret";
            await shell.WriteAsync(secret, target.Secret, cancel).ConfigureAwait(false);
            var enroll = await shell.RunAsync(target.EnrollCommand(secret), cancel).ConfigureAwait(false);
            var (outcome, reason) = Outcome(enroll.Out);
            if (outcome is "NotInBoundaries" or "NoCompatibleSite")
            {
                var purged = hadPackage ? null : await shell.RunAsync($"{target.Sudo}dpkg {target.DpkgRootArguments}--purge steward-agent", cancel).ConfigureAwait(false);
                var left = hadPackage ? "the package that was there stays" : purged!.ExitStatus == 0 ? "the package was removed again" : $"removing the package again failed: {purged.Said}";
                return Attempt(host, PushResults.NotInBoundaries, $"{reason} ({left})", version);
            }

            return enroll.ExitStatus == 0 && outcome is not null
                ? Attempt(host, PushResults.Installed, $"{outcome}: {reason}", version)
                : Attempt(host, PushResults.Failed, $"steward-agent install failed: {reason ?? enroll.Said}", version);
        }
        finally
        {
            await shell.RunAsync($"rm -rf {RemoteShell.Quote(directory)}", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private PushAttempt Attempt(HostSpec host, string result, string detail, string? version) => new(host.Text, result, detail, target.LogonPointName, version);

    // The client id of an enrolled agent's `status --json`, or null.
    private static string? Enrolled(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.TryGetProperty("enrolled", out var enrolled) && enrolled.ValueKind == JsonValueKind.True
                ? root.TryGetProperty("clientId", out var id) ? id.GetString() ?? "?" : "?"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The outcome and reason of `install --json`'s last result line.
    private static (string? Outcome, string? Reason) Outcome(string jsonLines)
    {
        foreach (var line in jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Reverse())
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.TryGetProperty("outcome", out var outcome))
                {
                    return (outcome.GetString(), root.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
                }
            }
            catch (JsonException)
            {
                // Not a result line: the next one up may be.
            }
        }

        return (null, null);
    }
}
