using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Scale;

/// <summary>Two server processes on one PostgreSQL database serve one hierarchy: no state of their own.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task TwoProcessesOnePostgres_EnrolledThroughOne_CycleThroughOther_SameFleet()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var packages = Directory.CreateTempSubdirectory("steward-shared-packages-").FullName;
        var dataA = Directory.CreateTempSubdirectory("steward-a-").FullName;
        var dataB = Directory.CreateTempSubdirectory("steward-b-").FullName;
        string[] common = ["--database", "postgres", "--connection", database.ConnectionString, "--packages", packages];
        await using var first = await ServerProcess.StartAsync(dataA, common);
        await using var second = await ServerProcess.StartAsync(dataB, common);

        // Only the first process made the token; administrators use it against either.
        Assert.False(File.Exists(Path.Combine(dataB, "admin-token")));
        File.Copy(Path.Combine(dataA, "admin-token"), Path.Combine(dataB, "admin-token"));
        using var adminA = first.Client(admin: true);
        using var adminB = second.Client(admin: true);
        await adminA.PublishAsync("2.00.1380.1000");
        await adminA.PublishAsync("2.00.1493.2000");
        await adminA.AddSiteAsync("A01", "2.00.1380.1000", "10.1.0.0/16");
        await adminB.AddSiteAsync("B01", "2.00.1493.2000", "10.1.0.0/16");
        var secret = await adminB.AddLogonPointAsync("DC1", ["A01"]);

        using var anonymousA = first.Client();
        var enrolled = await anonymousA.LogonAsync("DC1", secret, "PC-1", ["10.1.0.9"]);
        using var agentB = second.Client(authorization: AgentApi.Basic(enrolled.Enrollment!));
        var keyB = (await second.Client().LogonAsync("DC1", secret, "PC-2", ["10.1.0.10"])).ServerKey;
        await adminA.SetSiteVersionAsync("A01", "2.00.1493.2000");
        var cycle = await agentB.CycleAsync("A01", ["10.1.0.9"], "2.00.1380.1000");
        var download = await agentB.GetAsync(cycle.Package!.Url);

        Assert.Equal(("Upgraded", "significant"), (cycle.Outcome, cycle.Kind));
        Assert.Equal(enrolled.ServerKey, keyB);
        Assert.True(download.IsSuccessStatusCode);
        var fleetA = await adminA.GetFromJsonAsync(Routes.Fleet, ProtocolJson.Default.FleetSummary);
        var fleetB = await adminB.GetFromJsonAsync(Routes.Fleet, ProtocolJson.Default.FleetSummary);
        Assert.Equal(2L, fleetA!.Clients);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fleetA, ProtocolJson.Default.FleetSummary), System.Text.Json.JsonSerializer.Serialize(fleetB, ProtocolJson.Default.FleetSummary));
        var history = await adminA.HistoryAsync(enrolled.Enrollment!.ClientId);
        Assert.Equal(["Installed", "Upgraded"], history.Decisions.Select(d => d.Outcome));
        Assert.Equal(["DC1", "A01"], history.Decisions.Select(d => d.Via));
    }
}
