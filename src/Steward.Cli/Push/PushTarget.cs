namespace Steward.Cli.Push;

/// <summary>What every host of one push is given: the logon point, how commands run there, and where the agent goes.</summary>
/// <param name="LogonPointName">The logon point's name on the server.</param>
/// <param name="LogonPointUrl">Its address as the hosts reach it.</param>
/// <param name="Secret">Its enrollment secret (what a logon script passes).</param>
/// <param name="UseSudo">Run dpkg and the agent through <c>sudo -n</c> (a user other than root).</param>
/// <param name="Root">Install under this directory on the host instead of <c>/</c> (<c>dpkg --root</c>: an image being prepared), or null.</param>
internal sealed record PushTarget(string LogonPointName, string LogonPointUrl, string Secret, bool UseSudo, string? Root)
{
    /// <summary>The prefix that runs a command as root.</summary>
    public string Sudo => UseSudo ? "sudo -n " : "";

    /// <summary>The agent program on the host.</summary>
    public string Agent => Root is null ? "steward-agent" : RemoteShell.Quote($"{Root}/var/lib/steward-agent/current/steward-agent");

    /// <summary>The agent's <c>--state-dir</c> under <see cref="Root"/>, or nothing.</summary>
    public string StateDirArgument => Root is null ? "" : $"--state-dir {RemoteShell.Quote($"{Root}/var/lib/steward-agent")} ";

    /// <summary>dpkg's options for <see cref="Root"/>: its maintainer scripts run without chroot (they honour DPKG_ROOT), dependencies are the host's.</summary>
    public string DpkgRootArguments => Root is null ? "" : $"--root={RemoteShell.Quote(Root)} --force-script-chrootless --force-depends --log=/dev/null ";

    /// <summary>
    /// The agent's install at the logon point, as root. The secret is read on the host from <paramref name="secretFile"/>
    /// into the agent's environment: it is never on a command line, which sudo logs (auth.log) and ps shows.
    /// </summary>
    public string EnrollCommand(string secretFile) =>
        $"{Sudo}sh -c 'STEWARD_ENROLLMENT_SECRET=$(cat \"$1\") && export STEWARD_ENROLLMENT_SECRET && shift && exec \"$@\"' sh "
        + $"{RemoteShell.Quote(secretFile)} {Agent} install {StateDirArgument}--logon-point {RemoteShell.Quote(LogonPointUrl)} --json";

    /// <summary>dpkg-query's database under <see cref="Root"/>, or nothing.</summary>
    public string AdminDirArgument => Root is null ? "" : $"--admindir={RemoteShell.Quote($"{Root}/var/lib/dpkg")} ";
}
