using Steward.Policy.Decisions;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// A step for every client (<c>logonAll</c>, <c>maintenanceAll</c>): how many clients got each outcome,
/// rather than a million reasons.
/// </summary>
/// <param name="Step">The step this result answers.</param>
/// <param name="LogonPoint">The logon point of <c>logonAll</c>; null for <c>maintenanceAll</c>.</param>
/// <param name="Clients">How many clients the step decided for.</param>
/// <param name="Outcomes">The outcomes that occurred, with their counts, in the order of <see cref="Outcome"/>; none is zero.</param>
/// <param name="Kinds">The kinds of agent change that occurred (hotfix, significant), with their counts; none is zero.</param>
/// <param name="Reason">With rollouts: the rollouts that spread, halted or completed during the step; otherwise null.</param>
public sealed record BulkStepResult(
    ScenarioStep Step,
    string? LogonPoint,
    long Clients,
    IReadOnlyList<OutcomeCount> Outcomes,
    IReadOnlyList<KindCount> Kinds,
    string? Reason = null) : StepResult(Step)
{
    /// <summary>How many clients got <paramref name="outcome"/> (0 when none did).</summary>
    public long CountOf(Outcome outcome)
    {
        foreach (var count in Outcomes)
        {
            if (count.Outcome == outcome)
            {
                return count.Count;
            }
        }

        return 0;
    }

    /// <summary>How many clients had their agent changed in the way <paramref name="kind"/> (0 when none did).</summary>
    public long CountOf(UpgradeKind kind)
    {
        foreach (var count in Kinds)
        {
            if (count.Kind == kind)
            {
                return count.Count;
            }
        }

        return 0;
    }
}
