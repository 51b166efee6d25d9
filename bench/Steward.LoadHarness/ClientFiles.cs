using System.Text;
using System.Text.Json;
using Steward.Protocol;
using Steward.Protocol.Agent;

namespace Steward.LoadHarness;

/// <summary>
/// What the run leaves in the output directory: <c>clients.txt</c> (<c>id:secret</c>, one client a line,
/// line i is client i), <c>cycles.tsv</c> (the <c>Authorization</c> value, a tab, the cycle body: what
/// bench/wrk/cycle.lua sends, so wrk does no base64 or JSON of its own) and <c>cycle-response.json</c>
/// (one real cycle answer, which the bare endpoint sends back so that both answers have the same size).
/// </summary>
public static class ClientFiles
{
    public const string Clients = "clients.txt";

    public const string Cycles = "cycles.tsv";

    public const string Response = "cycle-response.json";

    public static string Authorization(Enrollment client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.ClientSecret}"));
    }

    /// <summary>Client <paramref name="index"/>'s maintenance cycle when nothing has changed: its address, version and site as enrolled.</summary>
    public static string CycleBody(int index) =>
        JsonSerializer.Serialize(new CycleRequest([BenchFleet.Address(index)], BenchFleet.Version, [BenchFleet.Site], null), ProtocolJson.Default.CycleRequest);

    public static async Task WriteAsync(string directory, IReadOnlyList<Enrollment> clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        Directory.CreateDirectory(directory);
        var ids = new StreamWriter(Path.Combine(directory, Clients), append: false, new UTF8Encoding(false));
        await using (ids.ConfigureAwait(false))
        {
            var cycles = new StreamWriter(Path.Combine(directory, Cycles), append: false, new UTF8Encoding(false));
            await using (cycles.ConfigureAwait(false))
            {
                for (var i = 0; i < clients.Count; i++)
                {
                    await ids.WriteAsync($"{clients[i].ClientId}:{clients[i].ClientSecret}\n".AsMemory(), cancellationToken).ConfigureAwait(false);
                    await cycles.WriteAsync($"{Authorization(clients[i])}\t{CycleBody(i)}\n".AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
