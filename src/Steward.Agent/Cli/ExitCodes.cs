namespace Steward.Agent.Cli;

/// <summary>The agent's exit codes, for logon scripts and service managers.</summary>
internal static class ExitCodes
{
    /// <summary>The decision was received and carried out (whatever its outcome word).</summary>
    public const int Ok = 0;

    /// <summary>It failed: server unreachable or refusing, or an update refused or rolled back.</summary>
    public const int Failed = 1;

    /// <summary>The command line is not valid.</summary>
    public const int InvalidUsage = 2;

    /// <summary>The local state is missing or corrupt (nothing was changed).</summary>
    public const int StateProblem = 3;

    /// <summary>Another steward-agent holds the state directory.</summary>
    public const int Busy = 4;
}
