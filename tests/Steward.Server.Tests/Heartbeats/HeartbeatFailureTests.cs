using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Steward.Server.Heartbeats;
using Steward.Server.Hosting;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Heartbeats;

/// <summary>
/// The heartbeat writer runs on a thread of its own: whatever the store throws there, the server keeps
/// running, says so (an error in the log, a metric, <c>/readyz</c> not ready with the reason) and writes
/// again once the store does. The writer's interval is the test's clock: each flush is made to happen and
/// awaited, never waited for.
/// </summary>
public sealed class HeartbeatFailureTests
{
    private const string Version = "2.00.1493.2000";

    [Fact]
    public async Task StoreThrows_WriterSurvivesAndReportsIt_ThenRecovers()
    {
        var store = new BreakableHeartbeats();
        var log = new CapturedLog();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        await using var app = await StewardApp.StartAsync(Engine.Sqlite, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(log);
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IHeartbeatWriter>(p => store.Over(p.GetRequiredService<SqlStore>()));
        });
        await app.Admin.PublishAsync(Version);
        await app.Admin.AddSiteAsync("B01", Version, "10.2.0.0/16");
        var secret = await app.Admin.AddLogonPointAsync("DC1", ["B01"]);
        var enrollment = (await app.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
        using var agent = app.Client(AgentApi.Basic(enrollment));
        Assert.Equal("UpToDate", (await agent.CycleAsync("B01", ["10.2.0.1"], Version)).Outcome);
        await FlushAsync(app, time);

        // Not a database error: the kind of exception that used to end the process from the writer's thread.
        store.Broken = true;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("UpToDate", (await agent.CycleAsync("B01", ["10.2.0.1"], Version)).Outcome);
        }

        await FlushAsync(app, time);
        var notReady = await ReadinessAsync(app, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("batched heartbeats (last-seen times and repeats) cannot be written since", notReady, StringComparison.Ordinal);
        Assert.Contains(BreakableHeartbeats.Error, notReady, StringComparison.Ordinal);
        Assert.Contains(log.All, e => e.Category == typeof(HeartbeatQueue).FullName && e.Level == LogLevel.Error
            && e.Exception is InvalidOperationException && e.Message.Contains("they are dropped: " + BreakableHeartbeats.Error, StringComparison.Ordinal));
        var metrics = await MetricsAsync(app, "steward_heartbeats_lost_total", atLeast: 5);
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("steward_heartbeat_write_failures_total{", StringComparison.Ordinal) && l.Contains("error=\"InvalidOperationException\"", StringComparison.Ordinal));

        // Mended: with no agent calling, the writer's empty probe finds it, and the server is ready again.
        store.Broken = false;
        await FlushAsync(app, time);
        Assert.Equal("ready\n", await ReadinessAsync(app, HttpStatusCode.OK));
        Assert.Contains(log.All, e => e.Category == typeof(HeartbeatQueue).FullName && e.Level == LogLevel.Warning
            && e.Message.Contains("Batched heartbeats are written again", StringComparison.Ordinal));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("UpToDate", (await agent.CycleAsync("B01", ["10.2.0.1"], Version)).Outcome);
        }

        // The five dropped while broken are gone (as a crash would lose them); the three after are written.
        await FlushAsync(app, time);
        var repeats = (await app.Admin.HistoryAsync(enrollment.ClientId)).Decisions.Single(d => d.Outcome == "UpToDate").Repeats;

        Assert.Equal(3, repeats);
    }

    // One interval of the writer's clock, and the write it sets off (or its failure, recorded).
    private static async Task FlushAsync(StewardApp app, FakeTimeProvider time)
    {
        var flushed = app.Services.GetRequiredService<HeartbeatQueue>().NextFlush;
        time.Advance(app.Services.GetRequiredService<ServerOptions>().HeartbeatFlush);
        await flushed.WaitAsync(TimeSpan.FromSeconds(30));
    }

    // The writer has flushed: /readyz answers from what it recorded. Returns the body.
    private static async Task<string> ReadinessAsync(StewardApp app, HttpStatusCode status)
    {
        using var response = await app.Anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"/readyz answered {response.StatusCode}, not {status}: {body}");
        return body;
    }

    // This server's first scrape, after the failed flush: nothing cached to wait out.
    private static async Task<string> MetricsAsync(StewardApp app, string counter, double atLeast)
    {
        var metrics = await app.Anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(counter, StringComparison.Ordinal));
        Assert.True(line is not null && double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture) >= atLeast, $"{counter} is not {atLeast} or more:\n{metrics}");
        return metrics;
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
