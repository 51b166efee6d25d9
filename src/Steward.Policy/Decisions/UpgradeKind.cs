namespace Steward.Policy.Decisions;

/// <summary>What kind of change a decision makes to the installed agent, where it makes one.</summary>
public enum UpgradeKind : byte
{
    /// <summary>The agent is not replaced (or is installed fresh).</summary>
    None,

    /// <summary>A newer version on the same release line; logon points may apply it.</summary>
    Hotfix,

    /// <summary>A newer release line (a service pack); only the maintenance cycle applies it.</summary>
    Significant,
}
