using Steward.Policy.Rollouts;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// A step about rollouts or the clock (<c>rollout</c>, <c>promote</c>, <c>halt</c>, <c>resume</c>,
/// <c>abort</c>, <c>rollback</c>, <c>advance</c>, and a <c>siteVersion</c> refused because of an active
/// rollout): <c>Applied</c> or <c>Refused</c> with a reason (docs/RULES.md sections 4 and 5).
/// </summary>
/// <param name="Step">The step this result answers.</param>
/// <param name="Applied">False when the state forbade the step; nothing changed.</param>
/// <param name="Rollout">The id of the rollout the step names, or null.</param>
/// <param name="State">The rollout's state after the step; null when it has none (its start was refused) or the step names no rollout.</param>
/// <param name="Reason">What happened or why not, with any rollout that spread, halted or completed meanwhile.</param>
public sealed record RolloutStepResult(ScenarioStep Step, bool Applied, string? Rollout, RolloutState? State, string Reason) : StepResult(Step);
