namespace Steward.Agent.Cli;

/// <summary>The help text.</summary>
internal static class Usage
{
    /// <summary>What <c>steward-agent --help</c> prints.</summary>
    public const string Text = """
        steward-agent: the Steward agent on a managed computer.

        Commands:
          logon   --logon-point URL --secret S   what a logon script runs: contacts the logon point and carries out its
                                                 decision (installs, applies a hotfix, or quits without copying anything)
          install --logon-point URL --secret S   the same, started by a person, with progress
          cycle                                  one maintenance cycle at the access point of each assigned site
          run                                    the service: a cycle at start, then every 23 hours (with jitter)
          status                                 installed version, sites, last cycle and last result
          travel on|off                          this computer travels (keeps its sites outside their boundaries), or is back;
                                                 sent with the next cycle (the latest change, here or an administrator's, wins)
          version                                the version of this program
          doctor [--repair]                      checks that the agent is whole: the pointer names a complete version, each
                                                 version's files match the manifest it was installed from (size, SHA-256),
                                                 the program starts, the state file reads, the server key is pinned, the
                                                 service is enabled, the last cycle is recent. --repair restores damaged
                                                 files from the Debian package's copy (--from DIR, default
                                                 /usr/lib/steward-agent) or falls back to the kept previous version, and
                                                 restores a damaged state file from its last good copy
          place --from DIR                       what the Debian package runs: puts the program in DIR (with its
                                                 steward-package.json) into the versioned layout and makes it current,
                                                 unless a newer version is current (an agent is never taken down)

        Options:
          --state-dir DIR        the agent's directory (default /var/lib/steward-agent; %ProgramData%\Steward\Agent on Windows)
          --json                 print JSON instead of words (logon, install, cycle, status, version, doctor)
          --name NAME            logon/install: the computer name to enroll with (default: the computer's)
          --address ADDR         logon/install: an address to present instead of the discovered ones (repeatable; kept)
          --server-key KEY       logon/install: the server's package-signing key (SPKI, base64) to pin instead of the first answer's
          --ca FILE              logon/install: a private CA (PEM) to trust for the server over HTTPS instead of the computer's
                                 store; kept for every later cycle and download
          --secret S             the enrollment secret (or the environment variable STEWARD_ENROLLMENT_SECRET)
          --interval 23h         run: time between maintenance cycles
          --jitter 1h            run: the most a cycle is moved earlier or later
          --retry-min 1m         run: the wait after a failed cycle (doubling)
          --retry-max 1h         run: the longest wait after failed cycles
          --connect-timeout 15s, --request-timeout 100s, --idle-timeout 60s   network limits

        Exit codes: 0 done, 1 failed (see the message), 2 invalid command line, 3 state missing or damaged,
        4 another steward-agent is working in the directory.
        """;
}
