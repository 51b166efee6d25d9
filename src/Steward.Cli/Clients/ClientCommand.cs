using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol.Admin;

namespace Steward.Cli.Clients;

/// <summary><c>steward client list|show|travel</c>: parses each into its options record.</summary>
internal static class ClientCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment) =>
        new("client", "Clients: the managed computers, their versions, sites and the history of every decision.")
        {
            List(terminal, environment),
            AdminCommands.WithArgument(
                "show", "Show a client and every decision about it, oldest first, each with its reason.",
                new Argument<string>("id") { Description = "The client's id (from 'steward client list')." },
                (admin, id, cancellation) => ClientActions.ShowAsync(new ClientOptions(admin, id), terminal, environment, cancellation)),
            Travel(terminal, environment),
        };

    private static Command Travel(Terminal terminal, CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "The client's id (from 'steward client list')." };
        var mode = new Argument<string>("mode") { Description = "on: the client keeps its sites wherever it is; off: sites whose boundaries do not contain it are dropped." };
        mode.AcceptOnlyFromAmong("on", "off");
        var command = new Command("travel", "Turn a client's travel mode on or off; recorded in its history. The latest change, yours or the agent's, wins.") { id, mode };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) =>
            ClientActions.TravelAsync(new ClientOptions(admin.Read(parsed), parsed.GetValue(id)!), parsed.GetValue(mode) == "on", terminal, environment, cancellation));
        return command;
    }

    private static Command List(Terminal terminal, CliEnvironment environment)
    {
        var site = new Option<string?>("--site") { Description = "Only clients assigned to this site.", HelpName = "CODE" };
        var version = new Option<string?>("--version") { Description = "Only clients with this installed version.", HelpName = "VERSION" };
        var outcome = new Option<string?>("--outcome") { Description = "Only clients whose last decision had this outcome (UpToDate, DeferredToMaintenance, ...).", HelpName = "OUTCOME" };
        var seenAfter = new Option<DateTimeOffset?>("--seen-after") { Description = "Only clients last seen at or after this time (2026-12-01T08:00:00Z).", HelpName = "TIME" };
        var seenBefore = new Option<DateTimeOffset?>("--seen-before") { Description = "Only clients last seen before this time.", HelpName = "TIME" };
        var inactive = new Option<bool>("--inactive") { Description = "Only inactive clients: not seen for the server's Steward:InactiveDays (default 7 days)." };
        var health = new Option<string?>("--health") { Description = "Only clients of this health, as their agent's daily self-check last reported it: healthy, unhealthy, unknown (none reported).", HelpName = "HEALTH" };
        health.AcceptOnlyFromAmong([.. HealthWords.Filters]);
        var limit = new Option<int>("--limit") { Description = "The most clients to print; longer lists are read page by page.", DefaultValueFactory = _ => AdminLimits.DefaultClientLimit, HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit must be at least 1.");
            }
        });
        var after = new Option<string?>("--after") { Description = "Start after the client with this id: the list is in id order, and a cut-off list says where to go on.", HelpName = "ID" };
        var command = new Command("list", "List clients, filtered, in id order.") { site, version, outcome, seenAfter, seenBefore, inactive, health, limit, after };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => ClientActions.ListAsync(
            new ClientListOptions(
                admin.Read(parsed), parsed.GetValue(site), parsed.GetValue(version), parsed.GetValue(outcome), parsed.GetValue(seenAfter), parsed.GetValue(seenBefore),
                parsed.GetValue(limit), parsed.GetValue(after), parsed.GetValue(inactive), parsed.GetValue(health)),
            terminal, environment, cancellation));
        return command;
    }
}
