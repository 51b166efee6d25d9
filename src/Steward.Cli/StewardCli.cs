using System.CommandLine;
using Steward.Cli.Check;
using Steward.Cli.Console;
using Steward.Cli.Packages;
using Steward.Cli.Server;
using Steward.Cli.Simulate;

namespace Steward.Cli;

/// <summary>The <c>steward</c> command line: parses, then hands plain options to each verb.</summary>
public static class StewardCli
{
    /// <summary>Runs the command line and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var root = new RootCommand("Steward keeps the management agent on a fleet of computers installed, assigned to the right site and upgraded, safely.")
        {
            SimulateCommand.Create(terminal),
            CheckCommand.Create(terminal),
            ServerCommand.Create(),
            PackageCommand.Create(terminal),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                terminal.Error.WriteLine($"steward: {error.Message}");
            }

            terminal.Error.WriteLine("Run 'steward --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error });
    }
}
