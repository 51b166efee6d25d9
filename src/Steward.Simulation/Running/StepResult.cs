using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>What one step of a scenario did: one result per step, in step order (docs/RULES.md section 6).</summary>
/// <param name="Step">The step this result answers.</param>
public abstract record StepResult(ScenarioStep Step)
{
    /// <summary>The step's number, from 1 in file order.</summary>
    public int Number => Step.Number;

    /// <summary>The step's action word (<c>logon</c>, <c>maintenanceAll</c>, ...).</summary>
    public string Action => Step.Action;
}
