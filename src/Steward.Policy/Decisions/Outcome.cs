namespace Steward.Policy.Decisions;

/// <summary>
/// The outcome words of docs/RULES.md section 5: every decision answers exactly one, spelled so, with a reason.
/// </summary>
public enum Outcome : byte
{
    /// <summary>R1: the logon point's package was installed and the computer assigned to every compatible candidate site.</summary>
    Installed,

    /// <summary>R1/R2: no participating site of the logon point contains (or, R2, manages) the computer; nothing changed.</summary>
    NotInBoundaries,

    /// <summary>R1: the computer is inside some participating sites, but none is compatible with the package; nothing installed.</summary>
    NoCompatibleSite,

    /// <summary>R2/R3: the installed version is what the logon point or the client's sites offer.</summary>
    UpToDate,

    /// <summary>R2/R3: the installed version is newer than what is offered; nothing is downgraded.</summary>
    ClientNewer,

    /// <summary>R2: the logon point's package is a hotfix of the installed version and was applied.</summary>
    HotfixApplied,

    /// <summary>R2: the package is a significant upgrade; the bootstrap quit, and the maintenance cycle will upgrade.</summary>
    DeferredToMaintenance,

    /// <summary>R3: the maintenance cycle upgraded the agent to the newest version its sites serve.</summary>
    Upgraded,

    /// <summary>R3: no assigned site contains the client any more; the agent stays installed but has no site.</summary>
    Unassigned,

    /// <summary>R3: the computer has no agent, so it has no maintenance cycle.</summary>
    NotInstalled,

    /// <summary>R3: the agent is installed but assigned to no site.</summary>
    NotAssigned,

    /// <summary>R3 with rollouts: an active rollout of one of the client's sites will upgrade it, but its turn has not come; nothing changed.</summary>
    Scheduled,

    /// <summary>R3 with rollouts: a rollback ordered the client's version down, and the maintenance cycle took it to what its sites serve.</summary>
    Downgraded,

    /// <summary>R3 with rollouts: the upgrade failed; the client keeps its version and its sites as they were after step 1 (I4).</summary>
    UpgradeFailed,
}
