using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Reading;

/// <summary>The problems found so far; the loader keeps reading after each one so that all are reported at once.</summary>
internal sealed class ProblemList
{
    private readonly List<ScenarioProblem> _problems = [];

    /// <summary>How many problems were found.</summary>
    public int Count => _problems.Count;

    /// <summary>Records a problem at a position.</summary>
    public void Add(SourcePosition at, string message) => _problems.Add(new ScenarioProblem(at, message));

    /// <summary>Records a problem.</summary>
    public void Add(ScenarioProblem problem) => _problems.Add(problem);

    /// <summary>Records a problem where a node starts.</summary>
    public void Add(YamlNode node, string message) => Add(node.At, message);

    /// <summary>
    /// The problems ordered by line and column. The sort is stable: two problems at one place keep the
    /// order in which they were found, which follows the file.
    /// </summary>
    public IReadOnlyList<ScenarioProblem> InFileOrder() =>
        [.. _problems.OrderBy(p => p.At.Line).ThenBy(p => p.At.Column)];
}
