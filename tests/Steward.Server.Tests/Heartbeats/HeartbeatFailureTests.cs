using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Server.Heartbeats;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Heartbeats;

/// <summary>
/// The heartbeat writer runs on a thread of its own: whatever the store throws there, the server keeps
/// running, says so (an error in the log, a metric, <c>/readyz</c> not ready with the reason) and writes
/// again once the store does.
/// </summary>
public sealed class HeartbeatFailureTests
{
    private const string Version = "2.00.1493.2000";

    [Fact]
    public async Task StoreThrows_WriterSurvivesAndReportsIt_ThenRecovers()
    {
        var store = new BreakableHeartbeats();
        var log = new LogCapture();
        await using var app = await StewardApp.StartAsync(Engine.Sqlite, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(log);
            s.AddSingleton<IHeartbeatWriter>(p => store.Over(p.GetRequiredService<SqlStore>()));
        });
        await app.Admin.PublishAsync(Version);
        await app.Admin.AddSiteAsync("B01", Version, "10.2.0.0/16");
        var secret = await app.Admin.AddLogonPointAsync("DC1", ["B01"]);
        var enrollment = (await app.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
        using var agent = app.Client(AgentApi.Basic(enrollment));
        Assert.Equal("UpToDate", (await agent.CycleAsync("B01", ["10.2.0.1"], Version)).Outcome);

        // Not a database error: the kind of exception that used to end the process from the writer's thread.
        store.Broken = true;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("UpToDate", (await agent.CycleAsync("B01", ["10.2.0.1"], Version)).Outcome);
        }

        var notReady = await ReadinessAsync(app, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("batched heartbeats (last-seen times and repeats) cannot be written since", notReady, StringComparison.Ordinal);
        Assert.Contains(BreakableHeartbeats.Error, notReady, StringComparison.Ordinal);
        Assert.Contains(log.Entries, e => e.Category == typeof(HeartbeatQueue).FullName && e.Level == LogLevel.Error
            && e.Exception is InvalidOperationException && e.Message.Contains("they are dropped: " + BreakableHeartbeats.Error, StringComparison.Ordinal));
        var metrics = await MetricsAsync(app, "steward_heartbeats_lost_total", atLeast: 5);
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("steward_heartbeat_write_failures_total{", StringComparison.Ordinal) && l.Contains("error=\"InvalidOperationException\"", StringComparison.Ordinal));

        // Mended: with no agent calling, the writer's empty probe finds it, and the server is ready again.
        store.Broken = false;
        Assert.Equal("ready\n", await ReadinessAsync(app, HttpStatusCode.OK));
        Assert.Contains(log.Entries, e => e.Category == typeof(HeartbeatQueue).FullName && e.Level == LogLevel.Warning
            && e.Message.Contains("Batched heartbeats are written again", StringComparison.Ordinal));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("UpToDate", (await agent.CycleAsync("B01", ["10.2.0.1"], Version)).Outcome);
        }

        // The five dropped while broken are gone (as a crash would lose them); the three after are written.
        var repeats = 0L;
        for (var attempt = 0; attempt < 300 && repeats < 3; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 50);
            repeats = (await app.Admin.HistoryAsync(enrollment.ClientId)).Decisions.Single(d => d.Outcome == "UpToDate").Repeats;
        }

        Assert.Equal(3, repeats);
    }

    // Asks /readyz until it answers with this status (the writer notices at its next flush); returns the body.
    private static async Task<string> ReadinessAsync(StewardApp app, HttpStatusCode status)
    {
        var last = "";
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await app.Anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == status)
            {
                return last;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"/readyz never answered {status}; last: {last}");
    }

    // The exporter may answer a scrape from its short cache of the previous one: ask until it is fresh.
    private static async Task<string> MetricsAsync(StewardApp app, string counter, double atLeast)
    {
        var metrics = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            metrics = await app.Anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(counter, StringComparison.Ordinal));
            if (line is not null && double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture) >= atLeast)
            {
                return metrics;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{counter} never reached {atLeast}:\n{metrics}");
    }

    /// <summary>The real store's heartbeat write, made to throw while <see cref="Broken"/>.</summary>
    private sealed class BreakableHeartbeats
    {
        public const string Error = "the heartbeat store is broken (injected by the test)";

        public volatile bool Broken;

        public IHeartbeatWriter Over(IHeartbeatWriter real) => new Writer(this, real);

        private sealed class Writer(BreakableHeartbeats owner, IHeartbeatWriter real) : IHeartbeatWriter
        {
            public Task RecordHeartbeatsAsync(IReadOnlyList<HeartbeatTotal> totals, CancellationToken cancellationToken) =>
                owner.Broken ? throw new InvalidOperationException(Error) : real.RecordHeartbeatsAsync(totals, cancellationToken);
        }
    }
}
