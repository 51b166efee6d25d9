using System.Text.Json;
using Spectre.Console;
using Steward.Cli.Io;
using Steward.Cli.Scenarios;
using Steward.Policy.Checks;
using Steward.Simulation.Hierarchy;
using Steward.Simulation.Model;

namespace Steward.Cli.Check;

/// <summary>Runs the hierarchy check on a scenario file and prints the warnings.</summary>
public static class CheckAction
{
    /// <summary>Exit code 0 when clean, 1 with warnings, 2 for an invalid file.</summary>
    public static int Run(CheckOptions options, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var scenario = ScenarioInput.Load(options.File, terminal);
        if (scenario is null)
        {
            return ExitCodes.InvalidInput;
        }

        var hierarchy = ScenarioHierarchy.From(scenario);
        var warnings = HierarchyCheck.Run(hierarchy.Sites, hierarchy.LogonPoints);
        var located = warnings.Select(w => (Warning: w, At: Locate(scenario, hierarchy, w))).ToList();

        // Rollout steps: each warning at the step that starts the rollout.
        foreach (var (rollout, step) in PlannedRollouts.Of(scenario, hierarchy))
        {
            located.AddRange(RolloutCheck.Run(hierarchy.Sites, hierarchy.LogonPoints, rollout).Select(w => (Warning: w, step.At)));
        }

        if (options.Output == OutputFormat.Json)
        {
            WriteJson(terminal.Out, located);
        }
        else
        {
            WriteTable(terminal, options.File, located);
        }

        return located.Count == 0 ? ExitCodes.Ok : ExitCodes.Warnings;
    }

    private static SourcePosition Locate(Scenario scenario, ScenarioHierarchy hierarchy, HierarchyWarning warning)
    {
        if (warning.LogonPoint >= 0)
        {
            return scenario.LogonPoints[warning.LogonPoint].At;
        }

        if (warning.Site >= 0)
        {
            var code = hierarchy.Sites[warning.Site].Code;
            return scenario.Sites.First(s => s.Code == code).At;
        }

        return new SourcePosition(1, 1);
    }

    private static void WriteJson(TextWriter output, List<(HierarchyWarning Warning, SourcePosition At)> warnings)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("warnings");
            foreach (var (warning, at) in warnings)
            {
                json.WriteStartObject();
                json.WriteString("code", warning.Code);
                json.WriteNumber("line", at.Line);
                json.WriteNumber("column", at.Column);
                json.WriteString("message", warning.Message);
                json.WriteString("fix", warning.Fix);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(Terminal terminal, string file, List<(HierarchyWarning Warning, SourcePosition At)> warnings)
    {
        var console = terminal.Rich();
        if (warnings.Count == 0)
        {
            console.MarkupLine($"[green]{Markup.Escape(file)}: no warnings.[/]");
            return;
        }

        foreach (var (warning, at) in warnings)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(file)}:{at.Line}:{at.Column}: warning {Markup.Escape(warning.Code)}:[/] {Markup.Escape(warning.Message)}");
            console.MarkupLine($"  [bold]fix:[/] {Markup.Escape(warning.Fix)}");
        }

        console.MarkupLine($"{warnings.Count} warning{(warnings.Count == 1 ? "" : "s")}.");
    }
}
