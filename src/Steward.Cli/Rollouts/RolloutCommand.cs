using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Rollouts;

/// <summary><c>steward rollout start|list|show|promote|halt|resume|abort|rollback</c>: parses each into its options record.</summary>
internal static class RolloutCommand
{
    private static readonly (string Verb, string Description)[] Verbs =
    [
        ("promote", "Promote a rollout in pilot: it spreads from now over its window."),
        ("halt", "Halt a rollout: only clients that already run its version are served it until it resumes."),
        ("resume", "Resume a halted rollout where it was; a spreading one's window moves forward by the time spent halted."),
        ("abort", "Abort a rollout: the site keeps its version; clients that already run the new one keep it."),
    ];

    /// <summary>The command and its subcommands.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment)
    {
        var command = new Command("rollout", "Rollouts: a site's new version goes to a pilot first, then to the other clients over a window, and halts by itself when upgrades fail.")
        {
            Start(terminal, environment),
            AdminCommands.Plain("list", "List the rollouts, the newest first, with their state and progress.", (admin, cancellation) => RolloutActions.ListAsync(admin, terminal, environment, cancellation)),
            AdminCommands.WithArgument(
                "show", "Show a rollout: a bar per state of its clients, pilot clients that have not reported, failures by message, the halt rule.", IdArgument(),
                (admin, id, cancellation) => RolloutActions.ShowAsync(new RolloutOptions(admin, id), terminal, environment, cancellation)),
        };
        foreach (var (verb, description) in Verbs)
        {
            command.Subcommands.Add(AdminCommands.WithArgument(
                verb, description, IdArgument(), (admin, id, cancellation) => RolloutActions.VerbAsync(new RolloutOptions(admin, id), verb, terminal, environment, cancellation)));
        }

        command.Subcommands.Add(Rollback(terminal, environment));
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The rollout's id (as 'steward rollout list' shows it)." };

    private static Command Rollback(Terminal terminal, CliEnvironment environment)
    {
        var id = IdArgument();
        var reason = new Option<string?>("--reason") { Description = "Why, in words: recorded with the downgrade order and in the audit.", HelpName = "TEXT" };
        var command = new Command(
            "rollback",
            "Roll a rollout back: the site serves its old version again, and clients on the new one go back to it at their next maintenance cycle (never at logon), until the site's next rollout or set-version.")
        {
            id, reason,
        };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => RolloutActions.RollbackAsync(
            new RolloutOptions(admin.Read(parsed), parsed.GetValue(id)!), parsed.GetValue(reason), terminal, environment, cancellation));
        return command;
    }

    private static Command Start(Terminal terminal, CliEnvironment environment)
    {
        var site = new Argument<string>("site") { Description = "The site's code (B01)." };
        var version = new Option<string>("--version") { Description = "The version to roll out: published, and newer than the site's.", Required = true, HelpName = "VERSION" };
        var pilot = new Option<string[]>("--pilot")
        {
            Description = "A pilot client, by id or computer name (a name must match one client). Repeat it, or separate several with commas.", HelpName = "CLIENT",
        };
        var window = new Option<string?>("--window") { Description = "How long the other clients' turns are spread over once the pilot succeeds: 0, or like 3d, 36h, 1d12h (default 0).", HelpName = "DURATION" };
        var failures = new Option<int?>("--halt-failures") { Description = "Halt once at least this many upgrades failed (default 5) ...", HelpName = "N" };
        var rate = new Option<string?>("--halt-rate") { Description = "... and they are at least this share of the upgrades reported (default 0.05).", HelpName = "RATE" };
        var id = new Option<string?>("--id") { Description = "The rollout's id (default: the site and the time).", HelpName = "ID" };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Start nothing: simulate the rollout on the server's fleet (its scenario export) and print when the last client would upgrade and the most upgrades in one hour.",
        };
        var command = new Command("start", "Start a rollout of a site to a newer version.") { site, version, pilot, window, failures, rate, id, dryRun };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => RolloutActions.StartAsync(
            new RolloutStartOptions(
                admin.Read(parsed), parsed.GetValue(site)!, parsed.GetValue(version)!, parsed.GetValue(id), Formats.Split(parsed.GetValue(pilot)),
                parsed.GetValue(window), parsed.GetValue(failures), parsed.GetValue(rate), parsed.GetValue(dryRun)),
            terminal, environment, cancellation));
        return command;
    }
}
