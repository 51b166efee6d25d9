namespace Steward.Agent.Flows;

/// <summary>The outcome words the agent acts on (SPEC section 4), and its own word for a decision it never received.</summary>
internal static class Outcomes
{
    /// <summary>A new computer gets the logon point's package.</summary>
    public const string Installed = "Installed";

    /// <summary>A logon point's hotfix is applied.</summary>
    public const string HotfixApplied = "HotfixApplied";

    /// <summary>A significant upgrade waits for the maintenance cycle; the bootstrap copies nothing.</summary>
    public const string DeferredToMaintenance = "DeferredToMaintenance";

    /// <summary>An access point delivers an upgrade.</summary>
    public const string Upgraded = "Upgraded";

    /// <summary>An installed client without a site.</summary>
    public const string NotAssigned = "NotAssigned";

    /// <summary>The agent's own word: no decision could be had, or the one received could not be carried out.</summary>
    public const string Failed = "Failed";
}
