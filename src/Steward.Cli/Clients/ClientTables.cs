using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol.Admin;

namespace Steward.Cli.Clients;

/// <summary>Clients and their histories as tables for people.</summary>
internal static class ClientTables
{
    private const string Arrow = " → ";

    /// <summary>One row per client, then how many were printed and, for a cut-off list, how to go on.</summary>
    public static void WriteList(Terminal terminal, IReadOnlyList<ClientView> clients, string? next)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(clients);
        if (clients.Count == 0)
        {
            terminal.Out.WriteLine("No clients match.");
            return;
        }

        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns("Id", "Name", "Installed", "Sites", "Last outcome", "Last seen", "Health");
        foreach (var client in clients)
        {
            table.AddRow(
                Plain(client.Id), Plain(client.Name), Plain(Formats.Version(client.Installed)), Plain(Formats.List(client.Sites)),
                Plain(client.LastOutcome ?? Formats.None), Plain(Formats.When(client.LastSeen)), Plain(client.Health ?? HealthWords.Unknown));
        }

        terminal.Rich().Write(table);
        terminal.Out.WriteLine(next is null
            ? $"{Formats.Count(clients.Count, "client")}."
            : $"{Formats.Count(clients.Count, "client")}; more follow: add --after {next} (or a larger --limit).");
    }

    /// <summary>The client's record, then every decision with its reason, oldest first.</summary>
    public static void WriteHistory(Terminal terminal, ClientHistory history)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(history);
        var console = terminal.Rich();
        console.Write(Record(history.Client));
        if (history.Decisions.Count == 0)
        {
            console.WriteLine("No decisions recorded yet.");
            return;
        }

        var table = new Table { Title = new TableTitle("Decisions, oldest first"), Border = TableBorder.Rounded };
        table.AddColumns("When", "Trigger", "Outcome", "Version", "Sites", "Reason");
        foreach (var decision in history.Decisions)
        {
            var when = decision.Repeats == 0
                ? Formats.When(decision.At)
                : $"{Formats.When(decision.At)}\nand {Formats.Count(decision.Repeats, "time")} more, last {Formats.When(decision.LastAt)}";
            var outcome = decision.Kind is null ? decision.Outcome : $"{decision.Outcome} ({decision.Kind})";
            table.AddRow(
                Plain(when), Plain($"{decision.Trigger} via {decision.Via}"), Plain(outcome),
                Plain(Change(Formats.Version(decision.VersionBefore), Formats.Version(decision.VersionAfter))),
                Plain(Change(Formats.List(decision.SitesBefore), Formats.List(decision.SitesAfter))),
                Plain(decision.Reason));
        }

        console.Write(table);
    }

    private static Table Record(ClientView client)
    {
        var table = new Table { Border = TableBorder.Rounded, ShowHeaders = false };
        table.AddColumns("", "");
        table.AddRow(Plain("Client"), Plain($"{client.Name} ({client.Id})"));
        table.AddRow(Plain("Installed"), Plain(Formats.Version(client.Installed)));
        table.AddRow(Plain("Sites"), Plain(Formats.List(client.Sites)));
        table.AddRow(Plain("Addresses"), Plain(Formats.List(client.Addresses)));
        table.AddRow(Plain("Travel"), Plain(client.Travel ? "yes: sites outside its boundaries are kept" : "no"));
        table.AddRow(Plain("Last outcome"), Plain(client.LastOutcome ?? Formats.None));
        table.AddRow(Plain("Last seen"), Plain(Formats.When(client.LastSeen)));
        table.AddRow(Plain("Enrolled"), Plain(Formats.When(client.EnrolledAt)));
        table.AddRow(Plain("Health"), Plain(client.Health ?? $"{HealthWords.Unknown}: its agent has not reported a self-check"));
        if (client.LastUpgrade is { } upgrade)
        {
            var result = upgrade.Succeeded ? "succeeded" : "failed";
            table.AddRow(Plain("Last upgrade"), Plain($"{upgrade.Version} {result} at {Formats.When(upgrade.At)}: {upgrade.Message}"));
        }

        return table;
    }

    private static string Change(string before, string after) => before == after ? after : before + Arrow + after;

    private static Text Plain(string text) => new(text);
}
