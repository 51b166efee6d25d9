using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Decisions;

/// <summary>
/// One decision: the outcome word, the agent version and sites after it, the kind of upgrade where one
/// happens, and the reason. A value: deciding allocates nothing; the reason becomes words only when
/// <see cref="Reason.Render"/> is called.
/// </summary>
/// <param name="Outcome">The outcome word (docs/RULES.md section 5).</param>
/// <param name="VersionAfter">The installed version after carrying the decision out; null when the computer still has no agent.</param>
/// <param name="SitesAfter">The assigned sites after carrying the decision out.</param>
/// <param name="Kind">For <see cref="Outcome.Upgraded"/> and <see cref="Outcome.HotfixApplied"/>, the kind of upgrade; otherwise <see cref="UpgradeKind.None"/>.</param>
/// <param name="Reason">Why, as a value that renders a sentence.</param>
public readonly record struct Decision(Outcome Outcome, AgentVersion? VersionAfter, SiteSet SitesAfter, UpgradeKind Kind, Reason Reason)
{
    /// <summary>True when the decision copies and runs a package on the computer (install, hotfix or upgrade).</summary>
    public bool DeliversPackage => Outcome is Outcome.Installed or Outcome.HotfixApplied or Outcome.Upgraded;
}
