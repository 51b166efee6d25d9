namespace Steward.Policy.Decisions;

/// <summary>What started a decision.</summary>
public enum Trigger : byte
{
    /// <summary>A user logged on and the logon bootstrap contacted a logon point.</summary>
    Logon,

    /// <summary>A person at the computer started an installation through a logon point.</summary>
    ManualInstall,

    /// <summary>The agent's periodic maintenance cycle at its sites' access points.</summary>
    Maintenance,
}
