using System.Globalization;
using System.Text.Json;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Clients;

/// <summary>The client verbs: a filtered list read page by page, and one client's history.</summary>
internal static class ClientActions
{
    /// <summary><c>steward client list</c>: at most <see cref="ClientListOptions.Limit"/> clients; with <c>--json</c> one array of the server's client objects.</summary>
    public static Task<int> ListAsync(ClientListOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AdminRun.RunAsync(options.Admin, terminal, environment, async client =>
        {
            var clients = new List<ClientView>();
            using var json = new MemoryStream();
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartArray();
                var after = options.After;
                do
                {
                    var page = await client.GetAsync(PagePath(options, options.Limit - clients.Count, after), ProtocolJson.Default.ClientPage, cancellationToken).ConfigureAwait(false);
                    clients.AddRange(page.Value.Clients);
                    CopyClients(page.Body, writer);
                    after = page.Value.Clients.Count == 0 ? null : page.Value.Next;
                }
                while (after is not null && clients.Count < options.Limit);

                writer.WriteEndArray();
                if (options.Admin.Json)
                {
                    writer.Flush();
                    JsonOut.Write(terminal, json.ToArray());
                }
                else
                {
                    ClientTables.WriteList(terminal, clients, after);
                }
            }

            return ExitCodes.Ok;
        });
    }

    /// <summary><c>steward client show</c>.</summary>
    public static Task<int> ShowAsync(ClientOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.GetAsync(Routes.Client(options.Id), ProtocolJson.Default.ClientHistory, cancellationToken),
            history => ClientTables.WriteHistory(terminal, history));
    }

    /// <summary><c>steward client travel ID on|off</c>: prints the client's travel mode as the server now records it.</summary>
    public static Task<int> TravelAsync(ClientOptions options, bool on, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.SendAsync(HttpMethod.Put, Routes.ClientTravel(options.Id), new TravelRequest(on), ProtocolJson.Default.TravelRequest, ProtocolJson.Default.ClientView, cancellationToken),
            view => terminal.Out.WriteLine(
                $"Travel mode of {view.Name} ({view.Id}) is {(view.Travel ? "on" : "off")}; its next maintenance cycle decides with it (see 'steward client show {view.Id}')."));
    }

    private static string PagePath(ClientListOptions options, int wanted, string? after) =>
        QueryString.Of(
            Routes.Clients,
            ("site", options.Site),
            ("version", options.Version),
            ("outcome", options.Outcome),
            ("seenAfter", options.SeenAfter?.ToString("O", CultureInfo.InvariantCulture)),
            ("seenBefore", options.SeenBefore?.ToString("O", CultureInfo.InvariantCulture)),
            ("inactive", options.Inactive ? "true" : null),
            ("health", options.Health),
            ("limit", Math.Min(wanted, AdminLimits.ClientPageSize).ToString(CultureInfo.InvariantCulture)),
            ("after", after));

    // --json prints the server's client objects as they came, keys the CLI does not know included.
    private static void CopyClients(byte[] page, Utf8JsonWriter writer)
    {
        using var document = JsonDocument.Parse(page);
        foreach (var item in document.RootElement.GetProperty("clients").EnumerateArray())
        {
            item.WriteTo(writer);
        }
    }
}
