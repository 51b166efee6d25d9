using Steward.Cli.Io;
using Steward.Simulation.Loading;
using Steward.Simulation.Model;

namespace Steward.Cli.Scenarios;

/// <summary>Reads a scenario file for a command, or reports every problem in it on standard error.</summary>
public static class ScenarioInput
{
    /// <summary>The scenario, or null after writing its problems (as <c>FILE:LINE:COLUMN: message</c>) to standard error.</summary>
    public static Scenario? Load(string path, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        if (!File.Exists(path))
        {
            terminal.Error.WriteLine($"steward: {path}: no such file");
            return null;
        }

        var result = ScenarioLoader.LoadFile(path);
        if (result.Success)
        {
            return result.Scenario;
        }

        foreach (var problem in result.Problems)
        {
            terminal.Error.WriteLine(problem.Format(path));
        }

        terminal.Error.WriteLine($"steward: {path}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}; nothing was run.");
        return null;
    }
}
