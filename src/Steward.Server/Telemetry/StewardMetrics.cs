using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using Steward.Policy.Decisions;
using Steward.Protocol;

namespace Steward.Server.Telemetry;

/// <summary>
/// The server's own counters (decisions by trigger and outcome, packages served, heartbeats lost), exported with ASP.NET
/// Core's request metrics through OpenTelemetry at <c>/metrics</c> for Prometheus to scrape.
/// </summary>
internal sealed class StewardMetrics : IDisposable
{
    public const string MeterName = "Steward.Server";
    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _downloads;
    private readonly Counter<long> _heartbeatsLost;
    private readonly Counter<long> _heartbeatWriteFailures;
    private volatile Storage.Rows.RolloutTotals? _rollouts;
    private long _inactive = -1;
    private volatile IReadOnlyDictionary<string, long>? _health;

    public StewardMetrics(IMeterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _meter = factory.Create(MeterName);
        _decisions = _meter.CreateCounter<long>("steward.decisions", "{decision}", "Decisions made, by trigger and outcome.");
        _downloads = _meter.CreateCounter<long>("steward.package.downloads", "{download}", "Package downloads started.");
        _heartbeatsLost = _meter.CreateCounter<long>("steward.heartbeats.lost", "{heartbeat}", "Batched heartbeats (last-seen times and repeats) dropped because writing them failed.");
        _heartbeatWriteFailures = _meter.CreateCounter<long>("steward.heartbeat.write.failures", "{failure}", "Failed writes of batched heartbeats, by the error's type.");

        // Read from the database at each rollout sweep (every server process reports the same totals).
        _meter.CreateObservableGauge("steward.rollouts", () => Totals(r => r.Rollouts, "state"), "{rollout}", "Rollouts by state (pilot, spreading, halted, complete, aborted).");
        _meter.CreateObservableGauge("steward.rollout.attempts", () => Totals(r => r.Attempts, "result"), "{attempt}", "Upgrade attempts by result (open, succeeded, failed, expired).");
        // Nothing is reported before the first count: a zero would claim a fleet with no inactive client.
        _meter.CreateObservableGauge(
            "steward.clients.inactive",
            () => Volatile.Read(ref _inactive) is var n and >= 0 ? [new Measurement<long>(n)] : Array.Empty<Measurement<long>>(),
            "{client}",
            "Clients not seen for Steward:InactiveDays (default 7), as last counted (every Steward:InactiveCountMinutes).");
        _meter.CreateObservableGauge(
            "steward.clients.health",
            () => _health is { } counts ? counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("health", c.Key))) : [],
            "{client}",
            "Clients by the health their agent's daily self-check last reported (healthy, unhealthy, unknown), as last counted (every Steward:InactiveCountMinutes).");
    }

    public void Decided(Trigger trigger, Outcome outcome) =>
        _decisions.Add(1, new KeyValuePair<string, object?>("trigger", trigger.ToString()), new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void Downloaded() => _downloads.Add(1);

    /// <summary>The inactive clients were counted: <paramref name="clients"/>.</summary>
    public void InactiveCounted(long clients) => Volatile.Write(ref _inactive, clients);

    /// <summary>The clients were counted by health.</summary>
    public void HealthCounted(IReadOnlyDictionary<string, long> clients) => _health = clients;

    /// <summary>A write of <paramref name="heartbeats"/> batched heartbeats failed with <paramref name="error"/> (0: a probe of a failing store).</summary>
    public void HeartbeatWriteFailed(int heartbeats, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _heartbeatWriteFailures.Add(1, new KeyValuePair<string, object?>("error", error.GetType().Name));
        _heartbeatsLost.Add(heartbeats);
    }

    /// <summary>The rollout totals the gauges show from now on.</summary>
    public void RolloutTotals(Storage.Rows.RolloutTotals totals) => _rollouts = totals;

    private IEnumerable<Measurement<long>> Totals(Func<Storage.Rows.RolloutTotals, IReadOnlyDictionary<string, long>> of, string tag) =>
        _rollouts is { } totals ? of(totals).Select(t => new Measurement<long>(t.Value, new KeyValuePair<string, object?>(tag, t.Key))) : [];

    public static void AddTelemetry(IServiceCollection services) =>
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());

    public static void MapScrapeEndpoint(WebApplication app) => app.MapPrometheusScrapingEndpoint(Routes.Metrics).AllowAnonymous();

    public void Dispose() => _meter.Dispose();
}
