using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Steward.Protocol;
using Steward.Server.Telemetry;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Http;

/// <summary>What operators and tools read: health, readiness, metrics, the OpenAPI document and its reference page.</summary>
public abstract class OperationsEndpointTests : ApiTest
{
    [Fact]
    public async Task HealthAndReadiness_Answer()
    {
        Assert.Equal("ok\n", await App.Anonymous.GetStringAsync("/healthz"));
        Assert.Equal("ready\n", await App.Anonymous.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Metrics_CountDecisionsByTriggerAndOutcome_AndRequests()
    {
        // This server's own counter: meters made by its IMeterFactory, not those of parallel tests' servers,
        // which the exporter sums with it because it matches meters by name across the process.
        using var decisions = new MetricCollector<long>(App.Services.GetRequiredService<IMeterFactory>(), StewardMetrics.MeterName, "steward.decisions");
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"]);
        await App.Anonymous.LogonAsync("DC1", secret, "PC-2", ["10.9.0.1"]);

        // A decision is counted before it is answered, and this is the server's first scrape: nothing cached to wait out.
        var metrics = await App.Anonymous.GetStringAsync("/metrics");

        Assert.Equal(
            [("Logon", "Installed", 1L), ("Logon", "NotInBoundaries", 1L)],
            decisions.GetMeasurementSnapshot().Select(m => ((string)m.Tags["trigger"]!, (string)m.Tags["outcome"]!, m.Value)));

        // Meters are matched by name across the process, so parallel tests' servers may add to the counts.
        Assert.True(Count(metrics, "outcome=\"Installed\",trigger=\"Logon\"") >= 1, metrics);
        Assert.True(Count(metrics, "outcome=\"NotInBoundaries\",trigger=\"Logon\"") >= 1, metrics);
        Assert.Contains("http_server_request_duration_seconds_count", metrics, StringComparison.Ordinal);
    }

    private static double Count(string metrics, string labels)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("steward_decisions_total{", StringComparison.Ordinal) && l.Contains(labels, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesAdminAndAgentEndpoints_ReferencePageServed()
    {
        var document = JsonNode.Parse(await App.Anonymous.GetStringAsync("/openapi/v1.json"))!;
        var reference = await App.Anonymous.GetAsync("/scalar");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains(Routes.Sites, paths);
        Assert.Contains("/v1/sites/{code}/version", paths);
        Assert.Contains("/v1/logon/{name}", paths);
        Assert.Contains("/v1/access/{site}/cycle", paths);
        Assert.Contains("/v1/content/{sha256}", paths);
        Assert.NotNull(document["components"]!["securitySchemes"]!["adminToken"]);
        await Expect.StatusAsync(HttpStatusCode.OK, reference);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class OperationsEndpointsOnSqlite : OperationsEndpointTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class OperationsEndpointsOnPostgres : OperationsEndpointTests
{
    protected override Engine Engine => Engine.Postgres;
}
