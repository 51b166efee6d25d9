using System.Globalization;
using System.Text;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Scenarios;

/// <summary>
/// The live hierarchy and every client as a scenario file of the simulator (<c>steward simulate</c>):
/// sites with versions and boundaries, logon points, and one line per client in flow style, the most
/// compact form the format has for clients that are each different. Written as the rows arrive, so a
/// million clients are never held in memory; steps are left for the reader to add (decision 0021).
/// </summary>
internal static class ScenarioExport
{
    /// <summary>Separates a computer name from the client id that makes it unique.</summary>
    public const char IdSeparator = '~';

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 YAML.</summary>
    public static Task WriteAsync(IFleetSnapshot snapshot, Stream output, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(snapshot, output, now, null, cancellationToken);

    /// <summary>
    /// Writes <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 YAML; <paramref name="named"/>, when given, hears
    /// each client written with its name in the file (a rollout's forecast names its pilot so).
    /// </summary>
    public static async Task WriteAsync(IFleetSnapshot snapshot, Stream output, DateTimeOffset now, Action<ClientRow, string>? named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var line = new StringBuilder(256);
            line.Append("# The fleet of a Steward server, exported at ").Append(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(".\n")
                .Append("# Add steps (for example '- logonAll: ").Append(snapshot.LogonPoints.Count > 0 ? snapshot.LogonPoints[0].Name : "LOGONPOINT")
                .Append("' and '- maintenanceAll: true') and run: steward simulate FILE\n");
            AppendSites(line, snapshot.Sites);
            AppendLogonPoints(line, snapshot.LogonPoints);
            line.Append("clients:\n");
            await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);

            var counts = await WriteClientsAsync(writer, snapshot.ClientsByName(cancellationToken), named, cancellationToken).ConfigureAwait(false);
            line.Clear();
            if (counts.Written == 0)
            {
                line.Append("  []\n");
            }

            line.Append("# ").Append(counts.Written.ToString("N0", CultureInfo.InvariantCulture)).Append(counts.Written == 1 ? " client" : " clients");
            if (counts.WithoutAddress > 0)
            {
                line.Append("; ").Append(counts.WithoutAddress.ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" more reported no network address and are left out: a scenario's client needs at least one");
            }

            line.Append(".\n");
            await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AppendSites(StringBuilder line, IReadOnlyList<SiteRow> sites)
    {
        line.Append(sites.Count == 0 ? "sites: []\n" : "sites:\n");
        foreach (var site in sites)
        {
            line.Append("  - {code: ").Scalar(site.Code);
            if (site.Name is not null)
            {
                line.Append(", name: ").Scalar(site.Name);
            }

            line.Append(", version: ").Scalar(site.Version).Append(", boundaries: ").List(site.Boundaries, '\n').Append("}\n");
        }
    }

    private static void AppendLogonPoints(StringBuilder line, IReadOnlyList<LogonPointRow> points)
    {
        if (points.Count == 0)
        {
            return;
        }

        line.Append("logonPoints:\n");
        foreach (var point in points)
        {
            line.Append("  - {name: ").Scalar(point.Name).Append(", sites: ").List(point.Sites);
            if (point.Senior is not null)
            {
                line.Append(", senior: ").Scalar(point.Senior);
            }

            line.Append("}\n");
        }
    }

    private static async Task<(long Written, long WithoutAddress)> WriteClientsAsync(
        StreamWriter writer, IAsyncEnumerable<ClientRow> clients, Action<ClientRow, string>? named, CancellationToken cancellationToken)
    {
        long written = 0, withoutAddress = 0;
        string? previous = null;
        var line = new StringBuilder(256);
        await foreach (var client in clients.ConfigureAwait(false))
        {
            var name = ExportedName(client, previous);
            previous = client.Name;
            if (client.Addresses.Count == 0)
            {
                withoutAddress++;
                continue;
            }

            line.Clear();
            line.Append("  - {name: ").Scalar(name).Append(", addresses: ").List(client.Addresses);
            if (client.Installed is not null)
            {
                line.Append(", installed: ").Scalar(client.Installed.ToString()!);
                if (client.Sites.Count > 0)
                {
                    line.Append(", sites: ").List(client.Sites);
                }
            }

            line.Append(client.Travel ? ", travel: true}\n" : "}\n");
            await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            named?.Invoke(client, name);
            written++;
        }

        return (written, withoutAddress);
    }

    /// <summary>
    /// The client's name in the scenario: its computer name, unless another client has the same name
    /// (compared without regard to case, as the simulator does) or the name is not ASCII (which the
    /// database's ordering folds differently): then the name, <see cref="IdSeparator"/> and the client's id.
    /// </summary>
    public static string ExportedName(ClientRow client, string? previousName)
    {
        ArgumentNullException.ThrowIfNull(client);
        var unique = Ascii.IsValid(client.Name) && !string.Equals(client.Name, previousName, StringComparison.OrdinalIgnoreCase);
        return unique ? client.Name : $"{client.Name}{IdSeparator}{client.Id}";
    }
}
