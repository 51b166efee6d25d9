using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// An administrative step (<c>siteVersion</c>, <c>move</c>, <c>travel</c>): it changes the world the
/// decisions see and answers <c>Applied</c> (docs/RULES.md section 5), with a short reason.
/// </summary>
/// <param name="Step">The step this result answers; its own fields say what was applied.</param>
/// <param name="Client">The client a <c>move</c> or <c>travel</c> step changed, as the fleet spells it; null for <c>siteVersion</c>.</param>
/// <param name="Reason">What changed, for a person.</param>
public sealed record AppliedStepResult(ScenarioStep Step, string? Client, string Reason) : StepResult(Step);
