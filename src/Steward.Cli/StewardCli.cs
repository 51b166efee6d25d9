using System.CommandLine;
using Steward.Cli.Audit;
using Steward.Cli.Check;
using Steward.Cli.Clients;
using Steward.Cli.Io;
using Steward.Cli.Keys;
using Steward.Cli.LogonPoints;
using Steward.Cli.Packages;
using Steward.Cli.Push;
using Steward.Cli.Rollouts;
using Steward.Cli.Scenarios;
using Steward.Cli.Server;
using Steward.Cli.Simulate;
using Steward.Cli.Sites;
using Steward.Cli.Status;
using Steward.Cli.Tokens;

namespace Steward.Cli;

/// <summary>The <c>steward</c> command line: parses, then hands plain options to each verb.</summary>
public static class StewardCli
{
    /// <summary>Runs the command line in this process's environment and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, Terminal terminal) => Run(args, terminal, CliEnvironment.Process);

    /// <summary>Runs the command line with the given environment variables and working directory.</summary>
    public static int Run(string[] args, Terminal terminal, CliEnvironment environment) =>
        RunAsync(args, terminal, environment, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs the command line; the admin verbs stop when <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<int> RunAsync(string[] args, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(environment);
        var server = ServerCommand.Create();
        var root = new RootCommand("Steward keeps the management agent on a fleet of computers installed, assigned to the right site and upgraded, safely.")
        {
            SimulateCommand.Create(terminal),
            CheckCommand.Create(terminal),
            server,
            SiteCommand.Create(terminal, environment),
            LogonPointCommand.Create(terminal, environment),
            PackageCommand.Create(terminal, environment),
            ClientCommand.Create(terminal, environment),
            StatusCommand.Create(terminal, environment),
            AuditCommand.Create(terminal, environment),
            KeyCommand.Create(terminal, environment),
            TokenCommand.Create(terminal, environment),
            RolloutCommand.Create(terminal, environment),
            ScenarioCommand.Create(terminal, environment),
            PushCommand.Create(terminal, environment),
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

        // The server stops itself on SIGTERM and SIGINT (its host writes what is batched, then it returns 0).
        // System.CommandLine's own handling would hold the signal for its 2 s timeout, then end the process
        // with 143 or 130 in the middle of that stop; the admin verbs keep it, to be cancelled by Ctrl+C.
        var configuration = new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error };
        if (parsed.CommandResult.Command == server)
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
