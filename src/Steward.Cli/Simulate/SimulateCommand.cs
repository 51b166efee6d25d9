using System.CommandLine;
using Steward.Charts;
using Steward.Cli.Io;

namespace Steward.Cli.Simulate;

/// <summary><c>steward simulate FILE</c>: parses the command line into <see cref="SimulateOptions"/>.</summary>
public static class SimulateCommand
{
    /// <summary>The command.</summary>
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("file") { Description = "A scenario file (YAML or JSON), as docs/RULES.md section 6 and the README describe." };
        var output = new Option<OutputFormat>("--output", "-o") { Description = "table (default) or json: exactly one JSON document on standard output.", DefaultValueFactory = _ => OutputFormat.Table };
        var allClients = new Option<bool>("--all-clients") { Description = "Also list the final state of every generated client." };
        var chart = new Option<string?>("--chart") { Description = "Also draw the series of each run step (clients per version over time) in this file; .svg or .png chooses the format. Several run steps: one file each, FILE-stepN.svg." };
        var chartSize = new Option<string?>("--chart-size") { Description = $"The chart's size in pixels, WIDTHxHEIGHT (default {ChartSize.Default}; each side {ChartSize.MinSide} to {ChartSize.MaxSide})." };
        chartSize.Validators.Add(result =>
        {
            if (!ChartSize.TryParse(result.GetValueOrDefault<string?>(), out _))
            {
                result.AddError($"--chart-size '{result.GetValueOrDefault<string?>()}': give WIDTHxHEIGHT in pixels, like 1200x700, each side {ChartSize.MinSide} to {ChartSize.MaxSide}");
            }
        });
        var command = new Command("simulate", "Run a what-if scenario through the same rules the server uses and show, client by client and with reasons, what would happen.")
        {
            file,
            output,
            allClients,
            chart,
            chartSize,
        };
        command.SetAction(parsed => SimulateAction.Run(new SimulateOptions(parsed.GetValue(file)!, parsed.GetValue(output), parsed.GetValue(allClients), parsed.GetValue(chart),
            ChartSize.TryParse(parsed.GetValue(chartSize), out var size) ? size : null), terminal));
        return command;
    }
}
