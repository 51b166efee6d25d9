using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// The decision for one client (<c>logon</c>, <c>install</c>, <c>maintenance</c>): the client's state
/// before and after, the outcome and its reason in words.
/// </summary>
/// <param name="Step">The step this result answers.</param>
/// <param name="Client">The client's name as the fleet spells it.</param>
/// <param name="LogonPoint">The logon point for <c>logon</c> and <c>install</c>; null for <c>maintenance</c>.</param>
/// <param name="Outcome">The outcome word (docs/RULES.md section 5).</param>
/// <param name="VersionBefore">The installed version before the step; null when the client had no agent.</param>
/// <param name="VersionAfter">The installed version after the step; null when the client still has no agent.</param>
/// <param name="SitesBefore">The assigned sites before the step, sorted by code.</param>
/// <param name="SitesAfter">The assigned sites after the step, sorted by code.</param>
/// <param name="Kind">The kind of agent change: hotfix or significant for <see cref="Outcome.Upgraded"/>, hotfix for <see cref="Outcome.HotfixApplied"/>, otherwise none.</param>
/// <param name="Reason">The reason, rendered with the sites as they were when the decision was made.</param>
public sealed record ClientStepResult(
    ScenarioStep Step,
    string Client,
    string? LogonPoint,
    Outcome Outcome,
    AgentVersion? VersionBefore,
    AgentVersion? VersionAfter,
    IReadOnlyList<SiteCode> SitesBefore,
    IReadOnlyList<SiteCode> SitesAfter,
    UpgradeKind Kind,
    string Reason) : StepResult(Step);
