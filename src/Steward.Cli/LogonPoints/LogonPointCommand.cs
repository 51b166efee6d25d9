using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.LogonPoints;

/// <summary><c>steward logon-point add|list|remove</c>: parses each into its options record.</summary>
internal static class LogonPointCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment) =>
        new("logon-point", "Logon points: entry points that sites share, serving logon bootstrap and manual installation with the senior site's package.")
        {
            Add(terminal, environment),
            AdminCommands.Plain(
                "list", "List the logon points with their sites, senior site and the package they hand out now.",
                (admin, cancellation) => LogonPointActions.ListAsync(admin, terminal, environment, cancellation)),
            AdminCommands.WithArgument(
                "remove", "Delete a logon point.", NameArgument(),
                (admin, name, cancellation) => LogonPointActions.RemoveAsync(new LogonPointOptions(admin, name), terminal, environment, cancellation)),
        };

    private static Argument<string> NameArgument() => new("name") { Description = "The logon point's name: letters, digits, '-', '_' and '.'." };

    private static Command Add(Terminal terminal, CliEnvironment environment)
    {
        var name = NameArgument();
        var sites = new Option<string[]>("--site", "-s")
        {
            Description = "A participating site. Repeat it, or separate several with commas.",
            Required = true,
            HelpName = "CODE",
        };
        var senior = new Option<string?>("--senior") { Description = "The participating site whose package the logon point carries. Default: the newest (ties: the lowest code), decided afresh at every request.", HelpName = "CODE" };
        var secret = new Option<string?>("--secret") { Description = "The enrollment secret logon scripts present. Default: the server makes one and prints it once.", HelpName = "SECRET" };
        var command = new Command("add", "Create a logon point; prints its enrollment secret, which is shown only this once.") { name, sites, senior, secret };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => LogonPointActions.AddAsync(
            new LogonPointAddOptions(admin.Read(parsed), parsed.GetValue(name)!, Formats.Split(parsed.GetValue(sites)), parsed.GetValue(senior), parsed.GetValue(secret)),
            terminal, environment, cancellation));
        return command;
    }
}
