using System.Globalization;
using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Audit;

/// <summary>Prints the audit trail: one row per administrative change, newest first, as the server orders it.</summary>
internal static class AuditAction
{
    /// <summary>Exit code 0 with the trail printed.</summary>
    public static Task<int> RunAsync(AuditOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var route = QueryString.Of(Routes.Audit, ("limit", options.Limit.ToString(CultureInfo.InvariantCulture)));
        return AdminVerbs.ListAsync(options.Admin, terminal, environment, route, ProtocolJson.Default.IReadOnlyListAuditEntry, "No changes yet.", Table, cancellationToken);
    }

    private static Table Table(IReadOnlyList<AuditEntry> entries)
    {
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns("When", "Who", "Action", "Target", "Details");
        foreach (var entry in entries)
        {
            table.AddRow(new Text(Formats.When(entry.At)), new Text(entry.Actor), new Text(entry.Action), new Text(entry.Target), new Text(entry.Details));
        }

        return table;
    }
}
