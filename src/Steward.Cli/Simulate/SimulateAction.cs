using System.Text;
using Steward.Cli.Console;
using Steward.Cli.Scenarios;
using Steward.Simulation.Output;
using Steward.Simulation.Running;

namespace Steward.Cli.Simulate;

/// <summary>Runs a scenario and prints its results: the JSON document of docs/RULES.md section 6, or tables for people.</summary>
public static class SimulateAction
{
    /// <summary>Exit code 0 after a run, 2 for an invalid file (problems on standard error, nothing on standard output).</summary>
    public static int Run(SimulateOptions options, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var scenario = ScenarioInput.Load(options.File, terminal);
        if (scenario is null)
        {
            return ExitCodes.InvalidInput;
        }

        var run = SimulationRunner.Run(scenario);
        if (options.Output == OutputFormat.Json)
        {
            WriteJson(terminal, run, options.AllClients);
        }
        else
        {
            SimulationTables.Write(terminal.Rich(), options.File, run, options.AllClients);
        }

        return ExitCodes.Ok;
    }

    private static void WriteJson(Terminal terminal, SimulationRun run, bool allClients)
    {
        if (terminal.OutBytes is { } bytes)
        {
            // Stream straight to standard output: a million clients never become one string.
            terminal.Out.Flush();
            JsonReport.Write(bytes, run, allClients);
            bytes.WriteByte((byte)'\n');
            bytes.Flush();
            return;
        }

        using var buffer = new MemoryStream();
        JsonReport.Write(buffer, run, allClients);
        terminal.Out.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
