using Steward.Policy.Decisions;

namespace Steward.Agent.Flows;

/// <summary>The outcome words the agent acts on (docs/RULES.md section 5, the names of the policy's <see cref="Outcome"/>), and its own word for a decision it never received.</summary>
internal static class Outcomes
{
    /// <summary>A new computer gets the logon point's package.</summary>
    public const string Installed = nameof(Outcome.Installed);

    /// <summary>A logon point's hotfix is applied.</summary>
    public const string HotfixApplied = nameof(Outcome.HotfixApplied);

    /// <summary>A significant upgrade waits for the maintenance cycle; the bootstrap copies nothing.</summary>
    public const string DeferredToMaintenance = nameof(Outcome.DeferredToMaintenance);

    /// <summary>An access point delivers an upgrade.</summary>
    public const string Upgraded = nameof(Outcome.Upgraded);

    /// <summary>An access point takes the agent back to an older version under an administrator's signed downgrade order.</summary>
    public const string Downgraded = nameof(Outcome.Downgraded);

    /// <summary>An installed client without a site.</summary>
    public const string NotAssigned = nameof(Outcome.NotAssigned);

    /// <summary>The agent's own word: no decision could be had, or the one received could not be carried out.</summary>
    public const string Failed = "Failed";
}
