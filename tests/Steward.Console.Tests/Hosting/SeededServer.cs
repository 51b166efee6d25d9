using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;
using Steward.Server.Tests.Hosting;

namespace Steward.Console.Tests.Hosting;

/// <summary>
/// A real server process on SQLite with a seeded hierarchy, shared by the console's tests: three sites of
/// three versions, two logon points (one naming an older senior site, so the hierarchy check warns), 130
/// clients enrolled through the logon points, of which some were last seen ten days ago (inactive), and one
/// that moved out of every boundary (unassigned) and whose agent's self-check failed (unhealthy); a rollout of A01 in
/// pilot (started before the restart, so the server counts its first hour as it starts); and a viewer and an operator
/// token beside the first admin token.
/// </summary>
public sealed class SeededServer : IAsyncLifetime
{
    public const string Newest = "2.00.1380.2001";
    public const string ServicePack2 = "2.00.1380.2000";
    public const string ServicePack1 = "2.00.1380.1000";
    public const int Clients = 130;
    public const int InactiveClients = 12;

    /// <summary>A rollout of A01 to the newest version, in pilot (PC-0003), with a one-day window.</summary>
    public const string Rollout = "a01-newest";

    /// <summary>The one client whose agent reported a failed self-check: the laptop that moved away.</summary>
    public const string UnhealthyClient = "LAPTOP-AWAY";

    private readonly string _data = Directory.CreateTempSubdirectory("steward-console-").FullName;
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("not started");

    public string Url => Server.Url;

    public string AdminToken => File.ReadAllText(Path.Combine(_data, "admin-token")).Trim();

    public TokenCreated Viewer { get; private set; } = null!;

    public TokenCreated Operator { get; private set; } = null!;

    public HttpClient Admin() => Server.Client(admin: true);

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_data);
        using (var admin = Admin())
        {
            foreach (var version in new[] { ServicePack1, ServicePack2, Newest })
            {
                await admin.PublishAsync(version);
            }

            await admin.AddSiteAsync("A01", ServicePack2, "10.1.0.0/16");
            await admin.AddSiteAsync("B02", ServicePack1, "10.2.0.0/16");
            await admin.AddSiteAsync("C03", Newest, "10.3.0.0/24", "10.2.3.0/24");
            var east = await admin.AddLogonPointAsync("LP-EAST", ["A01", "B02"]);
            var west = await admin.AddLogonPointAsync("LP-WEST", ["B02", "C03"], senior: "B02");
            Viewer = await admin.CreateTokenAsync("console-viewer", "viewer");
            Operator = await admin.CreateTokenAsync("console-operator", "operator");
            await EnrollAsync(east, west);
            await MoveAwayAsync(west);
            var started = await admin.PostAsJsonAsync(Routes.Rollouts, new RolloutStartRequest("A01", Newest, Rollout, ["PC-0003"], "1d", null, null), ProtocolJson.Default.RolloutStartRequest);
            Assert.Equal(System.Net.HttpStatusCode.Created, started.StatusCode);
        }

        // Some clients were last seen ten days ago. The process's clock is the machine's, so their last-seen times are
        // set back in the database while the server is stopped, as if they had gone quiet then.
        await Server.KillAsync();
        await AgeAsync();
        await Server.DisposeAsync();
        _server = await ServerProcess.StartAsync(_data);
    }

    public async Task<string> ClientIdAsync(string name)
    {
        using var admin = Admin();
        var page = await admin.GetFromJsonAsync($"{Routes.Clients}?limit=1000", ProtocolJson.Default.ClientPage);
        return page!.Clients.Single(c => c.Name == name).Id;
    }

    private async Task EnrollAsync(string east, string west)
    {
        using var agent = Server.Client();
        for (var i = 1; i <= Clients; i++)
        {
            var name = $"PC-{i:D4}";
            var (point, secret, address) = (i % 3) switch
            {
                0 => ("LP-EAST", east, $"10.1.{i / 250}.{(i % 250) + 1}"),
                1 => ("LP-WEST", west, $"10.2.{i / 250}.{(i % 250) + 1}"),
                _ => ("LP-WEST", west, $"10.3.0.{(i % 250) + 1}"),
            };

            // Every tenth computer already runs the first service pack, as if installed by hand before.
            await agent.LogonAsync(point, secret, name, [address], installed: i % 10 == 0 ? ServicePack1 : null);
        }
    }

    // A laptop enrolled at C03 that now reports an address outside every boundary: its maintenance cycle drops it from C03.
    private async Task MoveAwayAsync(string west)
    {
        using var anonymous = Server.Client();
        var logon = await anonymous.LogonAsync("LP-WEST", west, "LAPTOP-AWAY", ["10.3.0.250"]);
        using var agent = Server.Client(authorization: AgentApi.Basic(logon.Enrollment!));
        var cycle = await agent.PostCycleAsync("C03", new CycleRequest(["192.168.7.7"], logon.VersionAfter!, null, null) { Health = new HealthReport(false, ["service"]) });
        await Expect.StatusAsync(System.Net.HttpStatusCode.OK, cycle);
    }

    private async Task AgeAsync()
    {
        var tenDaysAgo = DateTimeOffset.UtcNow.AddDays(-10).ToUnixTimeMilliseconds();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "steward.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE heartbeats SET seen = $seen WHERE client IN (SELECT id FROM clients ORDER BY name LIMIT $n)";
        command.Parameters.AddWithValue("$seen", tenDaysAgo);
        command.Parameters.AddWithValue("$n", InactiveClients);
        Assert.Equal(InactiveClients, await command.ExecuteNonQueryAsync());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}
