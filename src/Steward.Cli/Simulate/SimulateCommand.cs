using System.CommandLine;
using Steward.Cli.Console;

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
        var command = new Command("simulate", "Run a what-if scenario through the same rules the server uses and show, client by client and with reasons, what would happen.")
        {
            file,
            output,
            allClients,
        };
        command.SetAction(parsed => SimulateAction.Run(new SimulateOptions(parsed.GetValue(file)!, parsed.GetValue(output), parsed.GetValue(allClients)), terminal));
        return command;
    }
}
