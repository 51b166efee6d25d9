using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Audit;

/// <summary><c>steward audit [--limit N]</c>: parses into <see cref="AuditOptions"/>.</summary>
internal static class AuditCommand
{
    /// <summary>The command.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment)
    {
        var limit = new Option<int>("--limit") { Description = "How many of the latest changes to show.", DefaultValueFactory = _ => AdminLimits.DefaultAuditLimit, HelpName = "N" };
        var command = new Command("audit", "Who changed what, and when: the administrative changes, newest first.") { limit };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => AuditAction.RunAsync(new AuditOptions(admin.Read(parsed), parsed.GetValue(limit)), terminal, environment, cancellation));
        return command;
    }
}
