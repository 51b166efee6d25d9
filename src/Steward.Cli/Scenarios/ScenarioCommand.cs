using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Scenarios;

/// <summary><c>steward scenario export [--output FILE]</c>: parses into <see cref="ScenarioExportOptions"/>.</summary>
internal static class ScenarioCommand
{
    /// <summary>The command and its subcommand.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the scenario to this file (replaced whole once it is complete) instead of standard output.", HelpName = "FILE" };
        var export = new Command("export", "The server's hierarchy and every client as a scenario file: add steps and run it with 'steward simulate' to see what would happen to the real fleet.")
        {
            output,
        };
        var admin = AdminOptionSet.AddTo(export);
        export.SetAction((parsed, cancellation) =>
            ScenarioExportAction.RunAsync(new ScenarioExportOptions(admin.Read(parsed), parsed.GetValue(output)), terminal, environment, cancellation));
        return new Command("scenario", "What-if on the live fleet: export it as a scenario for 'steward simulate'.") { export };
    }
}
