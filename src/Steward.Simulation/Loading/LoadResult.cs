using System.Diagnostics.CodeAnalysis;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading;

/// <summary>
/// What loading a scenario file gives: the scenario when the file is valid, otherwise every problem
/// found, in file order. Never both: one problem anywhere means nothing runs (docs/RULES.md section 6).
/// </summary>
public sealed class LoadResult
{
    private LoadResult(Scenario? scenario, IReadOnlyList<ScenarioProblem> problems)
    {
        Scenario = scenario;
        Problems = problems;
    }

    /// <summary>The validated scenario; null when there is any problem.</summary>
    public Scenario? Scenario { get; }

    /// <summary>Every problem, ordered by line and column; empty on success.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }

    /// <summary>True when the file is valid and <see cref="Scenario"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool Success => Scenario is not null;

    /// <summary>A valid scenario.</summary>
    internal static LoadResult Valid(Scenario scenario) => new(scenario, []);

    /// <summary>A refused file; there is at least one problem.</summary>
    internal static LoadResult Refused(IReadOnlyList<ScenarioProblem> problems) => new(null, problems);
}
