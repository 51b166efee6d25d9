using System.Text;
using Steward.Charts;
using Steward.Cli.Io;
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
        if (options.Chart is { } chart && RunCharts.RefusePath(chart) is { } badPath)
        {
            terminal.Error.WriteLine($"steward: {badPath}; nothing was run.");
            return ExitCodes.InvalidInput;
        }

        var scenario = ScenarioInput.Load(options.File, terminal);
        if (scenario is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (options.Chart is not null && RunCharts.RefuseScenario(options.File, scenario) is { } nothingToDraw)
        {
            terminal.Error.WriteLine($"steward: {nothingToDraw}; nothing was run.");
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

        if (options.Chart is { } path)
        {
            WriteCharts(terminal, run, path, options.ChartSize ?? ChartSize.Default);
        }

        return ExitCodes.Ok;
    }

    // Said on standard error, so that standard output stays the one JSON document under --output json.
    private static void WriteCharts(Terminal terminal, SimulationRun run, string path, ChartSize size)
    {
        var written = RunCharts.Write(run, path, size);
        foreach (var (step, file) in written)
        {
            terminal.Error.WriteLine($"steward: the series of step {step} drawn in {file}");
        }

        if (written.Count == 0)
        {
            terminal.Error.WriteLine("steward: --chart: no run step covers a whole hour, so there is no series to draw; no chart was written");
        }
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
