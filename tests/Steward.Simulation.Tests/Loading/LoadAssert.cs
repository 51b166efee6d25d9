using Steward.Simulation.Loading;
using Steward.Simulation.Model;

namespace Steward.Simulation.Tests.Loading;

/// <summary>Assertions on load results that show every problem when they fail.</summary>
internal static class LoadAssert
{
    /// <summary>Loads text that must be valid.</summary>
    public static Scenario Valid(string text)
    {
        var result = ScenarioLoader.Load(text);
        Assert.True(result.Success, "expected a valid scenario, got:\n" + Describe(result));
        Assert.Empty(result.Problems);
        return result.Scenario;
    }

    /// <summary>Loads text that must have exactly one problem, at the given place, whose message has all the words.</summary>
    public static ScenarioProblem SingleProblem(string text, int line, int column, params string[] words)
    {
        var result = ScenarioLoader.Load(text);
        Assert.True(result.Problems.Count == 1, "expected one problem, got:\n" + Describe(result));
        Assert.False(result.Success);
        Assert.Null(result.Scenario);
        var problem = result.Problems[0];
        AssertProblem(problem, line, column, words);
        return problem;
    }

    /// <summary>Asserts that a problem is at the place and its message has all the words (ordinal, case-sensitive).</summary>
    public static void AssertProblem(ScenarioProblem problem, int line, int column, params string[] words)
    {
        Assert.True(
            problem.At.Line == line && problem.At.Column == column,
            $"expected the problem at line {line}, column {column}: {problem.Format("scenario")}");
        foreach (var word in words)
        {
            Assert.True(problem.Message.Contains(word, StringComparison.Ordinal), $"expected '{word}' in: {problem.Message}");
        }
    }

    /// <summary>Every problem, one a line, as the command prints them.</summary>
    public static string Describe(LoadResult result) =>
        string.Join("\n", result.Problems.Select(p => p.Format("scenario")));
}
