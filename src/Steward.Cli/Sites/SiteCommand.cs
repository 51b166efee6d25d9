using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Sites;

/// <summary><c>steward site add|list|show|set-version|remove</c>: parses each into its options record.</summary>
internal static class SiteCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment) =>
        new("site", "Sites: an administrative unit with a code, a site version and boundaries.")
        {
            Add(terminal, environment),
            AdminCommands.Plain("list", "List the sites with their versions and boundaries.", (admin, cancellation) => SiteActions.ListAsync(admin, terminal, environment, cancellation)),
            AdminCommands.WithArgument("show", "Show one site.", CodeArgument(), (admin, code, cancellation) => SiteActions.ShowAsync(new SiteOptions(admin, code), terminal, environment, cancellation)),
            SetVersion(terminal, environment),
            AdminCommands.WithArgument("remove", "Delete a site.", CodeArgument(), (admin, code, cancellation) => SiteActions.RemoveAsync(new SiteOptions(admin, code), terminal, environment, cancellation)),
        };

    private static Argument<string> CodeArgument() => new("code") { Description = "The site code: three letters or digits (A01)." };

    private static Command Add(Terminal terminal, CliEnvironment environment)
    {
        var code = CodeArgument();
        var version = new Option<string>("--version") { Description = "The site version: the agent version its access points serve. A package of it must be published.", Required = true, HelpName = "VERSION" };
        var name = new Option<string?>("--name") { Description = "A name for people.", HelpName = "NAME" };
        var boundaries = new Option<string[]>("--boundary", "-b")
        {
            Description = "A boundary: a subnet (10.1.0.0/16), an inclusive range (10.3.0.10-10.3.0.200) or one address. Repeat it, or separate several with commas.",
            HelpName = "BOUNDARY",
        };
        var command = new Command("add", "Create a site.") { code, version, name, boundaries };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => SiteActions.AddAsync(
            new SiteAddOptions(admin.Read(parsed), parsed.GetValue(code)!, parsed.GetValue(name), parsed.GetValue(version)!, Formats.Split(parsed.GetValue(boundaries))),
            terminal, environment, cancellation));
        return command;
    }

    private static Command SetVersion(Terminal terminal, CliEnvironment environment)
    {
        var code = CodeArgument();
        var version = new Option<string>("--version") { Description = "The new site version; refused unless a package of it is published.", Required = true, HelpName = "VERSION" };
        var command = new Command("set-version", "Change the version a site serves: its clients upgrade (or stay) at their next maintenance cycle.") { code, version };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => SiteActions.SetVersionAsync(
            new SiteVersionOptions(admin.Read(parsed), parsed.GetValue(code)!, parsed.GetValue(version)!), terminal, environment, cancellation));
        return command;
    }
}
