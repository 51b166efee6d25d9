using Steward.Policy.Versions;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// A <c>run</c> step: how many maintenance cycles ran, their outcomes, and the clients per version at
/// each whole hour (docs/RULES.md section 4).
/// </summary>
/// <param name="Step">The step this result answers.</param>
/// <param name="Start">When the run started, in seconds from 0.</param>
/// <param name="End">When it ended (the clock stands there).</param>
/// <param name="Cycles">How many cycles ran.</param>
/// <param name="Outcomes">The outcomes of the cycles, with their counts, in the order of the outcome words; none is zero.</param>
/// <param name="Kinds">The kinds of agent change, with their counts; none is zero.</param>
/// <param name="Series">One point per whole hour from start to end.</param>
/// <param name="Reason">What the run did, and every rollout that spread, halted or completed during it, with when.</param>
public sealed record RunStepResult(
    ScenarioStep Step,
    long Start,
    long End,
    long Cycles,
    IReadOnlyList<OutcomeCount> Outcomes,
    IReadOnlyList<KindCount> Kinds,
    IReadOnlyList<SeriesPoint> Series,
    string Reason) : StepResult(Step);

/// <summary>Installed agents per version at a whole hour, counted after every cycle before it.</summary>
/// <param name="Hour">The hour: seconds from 0 divided by 3,600.</param>
/// <param name="Versions">Agents per version, versions ascending; versions no agent holds are left out.</param>
public sealed record SeriesPoint(long Hour, IReadOnlyList<VersionCount> Versions)
{
    /// <summary>The clients on <paramref name="version"/> at this hour (null: those with no agent); 0 when none is.</summary>
    public long CountOf(AgentVersion? version)
    {
        foreach (var count in Versions)
        {
            if (count.Version == version)
            {
                return count.Count;
            }
        }

        return 0;
    }
}
