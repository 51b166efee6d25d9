using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;
using Steward.Server.Storage.Sql;
using Steward.Server.Telemetry;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Clients;

/// <summary>
/// Each client's health: the agent's daily self-check comes with a cycle, the server keeps it (migration 0012), lists
/// and filters by it (<c>health=</c>), and counts the clients by health for the gauge <c>steward.clients.health</c>.
/// A malformed report is refused as a problem naming the field, and changes nothing.
/// </summary>
public abstract class ClientHealthTests : ApiTest
{
    private const string Version = "2.00.1493.2000";

    [Fact]
    public async Task TheSelfCheck_TravelsWithACycle_IsKept_Filtered_AndCounted()
    {
        await Admin.PublishAsync(Version);
        await Admin.AddSiteAsync("B01", Version, "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        var sick = (await App.Anonymous.LogonAsync("DC1", secret, "PC-SICK", ["10.2.0.1"])).Enrollment!;
        var well = (await App.Anonymous.LogonAsync("DC1", secret, "PC-WELL", ["10.2.0.2"])).Enrollment!;
        var quiet = (await App.Anonymous.LogonAsync("DC1", secret, "PC-QUIET", ["10.2.0.3"])).Enrollment!;

        await CycleAsync(sick, new HealthReport(false, ["service", "files"]));
        await CycleAsync(well, new HealthReport(true, []));

        // A cycle without a report leaves the last one.
        await CycleAsync(well, null);

        Assert.Equal(["PC-SICK"], await NamesAsync("unhealthy"));
        Assert.Equal(["PC-WELL"], await NamesAsync("healthy"));
        Assert.Equal(["PC-QUIET"], await NamesAsync("unknown"));
        var history = await Admin.HistoryAsync(sick.ClientId);
        Assert.Equal("unhealthy: files, service", history.Client.Health);
        Assert.Null((await Admin.HistoryAsync(quiet.ClientId)).Client.Health);
        Assert.Equal(new Dictionary<string, long> { ["healthy"] = 1, ["unhealthy"] = 1, ["unknown"] = 1 }, await CountedAsync());

        // Healthy again at its next check.
        await CycleAsync(sick, new HealthReport(true, []));
        Assert.Empty(await NamesAsync("unhealthy"));
        Assert.Equal(new Dictionary<string, long> { ["healthy"] = 2, ["unhealthy"] = 0, ["unknown"] = 1 }, await CountedAsync());
    }

    [Fact]
    public async Task TheSameHealthAgain_WritesNothing_AChangeBackIsStored()
    {
        await Admin.PublishAsync(Version);
        await Admin.AddSiteAsync("B01", Version, "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        var enrolled = (await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
        await CountHealthWritesAsync();

        await CycleAsync(enrolled, new HealthReport(false, ["files"]));
        await CycleAsync(enrolled, new HealthReport(false, ["files"]));
        await CycleAsync(enrolled, new HealthReport(true, []));
        await CycleAsync(enrolled, new HealthReport(true, []));
        await CycleAsync(enrolled, new HealthReport(false, ["files"]));

        Assert.Equal(3L, await HealthWritesAsync());
        Assert.Equal("unhealthy: files", (await Admin.HistoryAsync(enrolled.ClientId)).Client.Health);
    }

    [Fact]
    public async Task AMalformedReport_IsAProblemNamingTheField_AndChangesNothing()
    {
        await Admin.PublishAsync(Version);
        await Admin.AddSiteAsync("B01", Version, "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        var enrolled = (await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
        using var agent = App.Client(AgentApi.Basic(enrolled));

        foreach (var (health, field) in new[]
        {
            ("""{"healthy":null,"failed":[]}""", "health.healthy"),
            ("""{"healthy":true,"failed":["files"]}""", "health.failed"),
            ("""{"healthy":false,"failed":[]}""", "health.failed"),
            ("""{"healthy":false,"failed":["Not A Check"]}""", "health.failed"),
        })
        {
            var body = $$"""{"addresses":["10.2.0.1"],"installed":"{{Version}}","sites":["B01"],"lastUpgrade":null,"health":{{health}}}""";
            var response = await agent.PostAsync(new Uri("/v1/access/B01/cycle", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.NotEmpty(await Expect.FieldErrorAsync(response, field));
        }

        Assert.Null((await Admin.HistoryAsync(enrolled.ClientId)).Client.Health);
        var bad = await Admin.GetAsync(new Uri(Routes.Clients + "?health=sickly", UriKind.Relative));
        Assert.NotEmpty(await Expect.FieldErrorAsync(bad, "health"));
    }

    [Fact]
    public async Task APushAttempt_IsInTheAuditLog_AndMalformedOnesAreProblems()
    {
        var recorded = await Admin.PostAsJsonAsync(Routes.PushAudit, new PushAttempt("pc-7.example", PushResults.NotInBoundaries, "no site", "DC1", Version), ProtocolJson.Default.PushAttempt);
        await Expect.StatusAsync(HttpStatusCode.NoContent, recorded);
        var audit = await Admin.GetFromJsonAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry);
        var entry = Assert.Single(audit!, a => a.Action == "client.push");
        Assert.Equal("pc-7.example", entry.Target);
        Assert.Contains("\"result\":\"not in boundaries\"", entry.Details, StringComparison.Ordinal);

        var noHost = await Admin.PostAsJsonAsync(Routes.PushAudit, new PushAttempt(null, PushResults.Installed, null, "DC1", null), ProtocolJson.Default.PushAttempt);
        Assert.NotEmpty(await Expect.FieldErrorAsync(noHost, "host"));
        var badResult = await Admin.PostAsJsonAsync(Routes.PushAudit, new PushAttempt("pc-8", "exploded", null, "DC1", null), ProtocolJson.Default.PushAttempt);
        Assert.NotEmpty(await Expect.FieldErrorAsync(badResult, "result"));
        var longDetail = await Admin.PostAsJsonAsync(Routes.PushAudit, new PushAttempt("pc-8", PushResults.Failed, new string('x', 2001), "DC1", null), ProtocolJson.Default.PushAttempt);
        Assert.NotEmpty(await Expect.FieldErrorAsync(longDetail, "detail"));
        Assert.Single((await Admin.GetFromJsonAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry))!, a => a.Action == "client.push");
    }

    private async Task CycleAsync(Enrollment enrolled, HealthReport? health)
    {
        using var agent = App.Client(AgentApi.Basic(enrolled));
        var response = await agent.PostCycleAsync("B01", new CycleRequest(["10.2.0.9"], Version, ["B01"], null) { Health = health });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    // A trigger counts every UPDATE that sets clients.health, even to the value it holds (a decision's write does not set it).
    private async Task CountHealthWritesAsync()
    {
        await using var connection = await App.Services.GetRequiredService<SqlStore>().Engine.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE health_writes (n BIGINT NOT NULL); INSERT INTO health_writes VALUES (0)");
        await connection.ExecuteAsync(Engine == Engine.Postgres
            ? """
              CREATE FUNCTION health_written() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE health_writes SET n = n + 1; RETURN NULL; END $$;
              CREATE TRIGGER health_written AFTER UPDATE OF health ON clients FOR EACH ROW EXECUTE FUNCTION health_written();
              """
            : "CREATE TRIGGER health_written AFTER UPDATE OF health ON clients BEGIN UPDATE health_writes SET n = n + 1; END");
    }

    private async Task<long> HealthWritesAsync()
    {
        await using var connection = await App.Services.GetRequiredService<SqlStore>().Engine.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT n FROM health_writes");
    }

    private async Task<string[]> NamesAsync(string health)
    {
        var page = await Admin.GetFromJsonAsync(Routes.Clients + "?health=" + health, ProtocolJson.Default.ClientPage);
        return [.. page!.Clients.Select(c => c.Name).Order(StringComparer.Ordinal)];
    }

    private async Task<Dictionary<string, long>> CountedAsync()
    {
        await App.Services.GetRequiredService<InactiveClientCount>().CountAsync(CancellationToken.None);
        using var gauge = new MetricCollector<long>(App.Services.GetRequiredService<IMeterFactory>(), StewardMetrics.MeterName, "steward.clients.health");
        gauge.RecordObservableInstruments();
        return gauge.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["health"]!, m => m.Value);
    }
}

public sealed class ClientHealthOnSqlite : ClientHealthTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class ClientHealthOnPostgres : ClientHealthTests
{
    protected override Engine Engine => Engine.Postgres;
}
