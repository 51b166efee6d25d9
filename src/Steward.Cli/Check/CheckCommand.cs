using System.CommandLine;
using Steward.Cli.Io;

namespace Steward.Cli.Check;

/// <summary><c>steward check FILE</c>: parses the command line into <see cref="CheckOptions"/>.</summary>
public static class CheckCommand
{
    /// <summary>The command.</summary>
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("file") { Description = "A scenario file (YAML or JSON); only its hierarchy is checked." };
        var output = new Option<OutputFormat>("--output", "-o") { Description = "table (default) or json.", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("check", "Warn about what the SP2 rules make dangerous in a hierarchy, each warning with its fix. Exit code 1 when there are warnings.")
        {
            file,
            output,
        };
        command.SetAction(parsed => CheckAction.Run(new CheckOptions(parsed.GetValue(file)!, parsed.GetValue(output)), terminal));
        return command;
    }
}
