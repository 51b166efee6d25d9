using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Status;

/// <summary><c>steward status</c>: parses into <see cref="AdminSwitches"/>.</summary>
internal static class StatusCommand
{
    /// <summary>The command.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment) =>
        AdminCommands.Plain(
            "status", "The fleet: clients per site and installed version, against each site's version.",
            (admin, cancellation) => StatusAction.RunAsync(admin, terminal, environment, cancellation));
}
