using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Status;

/// <summary>Prints the fleet summary: one row per site with its clients by installed version, then the totals.</summary>
internal static class StatusAction
{
    /// <summary>Exit code 0 with the summary printed: with <c>--json</c> the fleet document, otherwise the fleet and, during a key rotation, how many clients pin each signing key.</summary>
    public static Task<int> RunAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        IReadOnlyList<KeyView> keys = [];
        return AdminVerbs.ShowAsync(
            admin, terminal, environment,
            async client =>
            {
                var fleet = await client.GetAsync(Routes.Fleet, ProtocolJson.Default.FleetSummary, cancellationToken).ConfigureAwait(false);
                if (!admin.Json)
                {
                    keys = (await client.GetAsync(Routes.Keys, ProtocolJson.Default.IReadOnlyListKeyView, cancellationToken).ConfigureAwait(false)).Value;
                }

                return fleet;
            },
            fleet =>
            {
                var console = terminal.Rich();
                if (fleet.Sites.Count > 0)
                {
                    console.Write(Table(fleet));
                }

                console.WriteLine($"{Formats.Count(fleet.Clients, "client")}, {Formats.Number(fleet.Unassigned)} assigned to no site; {Formats.Count(fleet.Sites.Count, "site")}.");
                // Only during a rotation is there something to watch: which keys clients still pin. With one
                // key, every client pins it, and the summary stays the fleet's alone.
                var live = keys.Where(k => k.State != "retired").ToList();
                if (live.Count > 1)
                {
                    console.WriteLine("Signing keys: " + string.Join("; ", live.Select(k => $"key {k.Number} {k.State}, pinned by {Formats.Count(k.Clients, "client")}")) + ".");
                }
            });
    }

    private static Table Table(FleetSummary fleet)
    {
        var table = new Table { Title = new TableTitle("Clients per site and installed version"), Border = TableBorder.Rounded };
        table.AddColumns("Site", "Site version", "Clients by installed version");
        table.AddColumn("Total", c => c.RightAligned());
        foreach (var site in fleet.Sites)
        {
            // A client at its site's version is where it should be; the others are still to move (or newer).
            var versions = site.Versions.Count == 0
                ? "no clients"
                : string.Join('\n', site.Versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}: {Formats.Number(v.Value)}{(v.Key == site.Version ? " (site version)" : "")}"));
            table.AddRow(new Text(site.Code), new Text(site.Version), new Text(versions), new Text(Formats.Number(site.Clients)));
        }

        return table;
    }
}
