using System.CommandLine;

namespace Steward.Cli.Admin;

/// <summary>Builds the admin subcommands whose only input, besides the admin options, is at most one argument.</summary>
internal static class AdminCommands
{
    /// <summary>A command that takes only the admin options.</summary>
    public static Command Plain(string name, string description, Func<AdminSwitches, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command(name, description);
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => run(admin.Read(parsed), cancellation));
        return command;
    }

    /// <summary>A command that takes one argument and the admin options.</summary>
    public static Command WithArgument(string name, string description, Argument<string> argument, Func<AdminSwitches, string, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command(name, description) { argument };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => run(admin.Read(parsed), parsed.GetValue(argument)!, cancellation));
        return command;
    }
}
