using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Steward.Agent.Cli;
using Steward.Agent.Flows;
using Steward.Agent.Layout;
using Steward.Agent.Net;
using Steward.Agent.State;
using Steward.Protocol.Agent;
using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Flows;

/// <summary>
/// <c>steward-agent run</c> on a fake clock: a cycle at start, then the next one only when the schedule's
/// wait has passed on the agent's clock, backing off after failures, and a clean stop. Each step is awaited
/// as the line the loop writes, never as time passing.
/// </summary>
public sealed class ServiceLoopTests
{
    private const int Seed = 1493;

    [Fact]
    public async Task Run_WaitsTheScheduleOnItsClock_BacksOffAfterFailures_AndStops()
    {
        using var directory = new TempDirectory();
        var lines = new LineChannel();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var context = new AgentContext(
            new AgentLayout(directory.Path), new AgentConsole(TextWriter.Null, lines), new NetworkOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), time);
        var expected = new Random(Seed);
        var firstWait = Schedule.Default.Next(1, expected.NextDouble());
        var secondWait = Schedule.Default.Next(2, expected.NextDouble());
        using var stop = new CancellationTokenSource();

        // Not enrolled: every cycle fails at once, without the network.
        var loop = ServiceLoop.RunAsync(context, Schedule.Default, new Random(Seed), stop.Token);

        await lines.NextContainingAsync("next maintenance cycle in");
        Assert.Equal($"steward-agent: next maintenance cycle in {firstWait:d\\.hh\\:mm\\:ss} (after 1 failed cycle)", lines.Last);

        // A moment short of the wait, the clock has not woken the loop: nothing more is written.
        time.Advance(firstWait - TimeSpan.FromMilliseconds(1));
        Assert.False(lines.TryReadContaining("no client id"), "a cycle ran before its wait had passed");

        time.Advance(TimeSpan.FromMilliseconds(1));
        await lines.NextContainingAsync("next maintenance cycle in");
        Assert.Equal($"steward-agent: next maintenance cycle in {secondWait:d\\.hh\\:mm\\:ss} (after 2 failed cycles)", lines.Last);
        Assert.True(secondWait > firstWait, "the wait after two failures is longer than after one");

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await loop.WaitAsync(TimeSpan.FromSeconds(30)));
        await lines.NextContainingAsync("service stopped");
    }

    [Fact]
    public async Task Run_AfterAFailedUpgrade_WaitsForTheRegularCycle_ReportsTheAttempt_AndKeepsItsSites()
    {
        const string installed = "2.00.1493.2000";
        const string offered = "2.00.1493.2100";
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(installed);
        var lines = new LineChannel();
        var start = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var context = new AgentContext(
            world.Layout, new AgentConsole(TextWriter.Null, lines), new NetworkOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1)), time);

        // The new version's program reports another version: its health check fails.
        // Each request's time on the agent's clock is kept: a cycle run too early shows by its time, even when it
        // reaches the server only after the test has moved the clock on.
        var archive = world.Package(offered, reports: "2.00.1493.1234").Archive;
        var asked = new ConcurrentQueue<DateTimeOffset>();
        world.Server.Cycle = (_, request) =>
        {
            asked.Enqueue(time.GetUtcNow());
            return new CycleResponse(
                "Upgraded", "significant", "rollout sp of B01 upgrades it", offered, ["B02"],
                world.Signer.Signed(world.Signer.Offer(archive, offered), UpdaterWorld.ClientId, request.Nonce!, request.Installed) with { Attempt = "attempt-1" },
                new Dictionary<string, string> { ["B02"] = new Uri(world.Server.Origin, "/v1/access/B02").ToString() });
        };
        var accessPoint = new Uri(world.Server.Origin, "/v1/access/B01").ToString();
        new StateStore(world.Layout).Save(AgentState.Empty with
        {
            ClientId = UpdaterWorld.ClientId,
            ClientSecret = "secret-1",
            ServerKey = world.Signer.PublicKey,
            Sites = ["B01"],
            AccessPoints = new Dictionary<string, string> { ["B01"] = accessPoint },
            Installed = installed,
        });
        var regular = Schedule.Default.Next(0, new Random(Seed).NextDouble());
        using var stop = new CancellationTokenSource();

        var loop = ServiceLoop.RunAsync(context, Schedule.Default, new Random(Seed), stop.Token);

        await lines.NextContainingAsync("next maintenance cycle in");
        Assert.Equal($"steward-agent: next maintenance cycle in {regular:d\\.hh\\:mm\\:ss} (after a failed upgrade: the regular interval)", lines.Last);
        var report = Assert.Single(world.Server.Reports);
        Assert.Equal(("attempt-1", false, offered), (report.Attempt, report.Succeeded, report.Version));
        var state = new StateStore(world.Layout).Load().State;
        Assert.Equal(["B01"], state.Sites);
        Assert.Equal(installed, world.Current);

        // An hour later, when a failed network cycle would have been retried, nothing has run.
        time.Advance(TimeSpan.FromHours(1));
        Assert.False(lines.TryReadContaining("next maintenance cycle"), "a failed upgrade was retried before the regular cycle");
        Assert.Single(world.Server.Cycles);

        time.Advance(regular - TimeSpan.FromHours(1));
        await lines.NextContainingAsync("next maintenance cycle in");
        Assert.Equal(2, world.Server.Cycles.Count);
        Assert.Equal([start, start + regular], asked);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await loop.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Run_ChecksItselfDailyOnItsClock_AndKeepsTheResultForTheNextCycle()
    {
        using var directory = new TempDirectory();
        var lines = new LineChannel();
        var start = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var layout = new AgentLayout(directory.Path);
        var context = new AgentContext(layout, new AgentConsole(TextWriter.Null, lines), new NetworkOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), time);

        // Enrolled but assigned to no site: each cycle ends at once, without the network. Nothing is installed, so the
        // pointer check fails.
        var store = new StateStore(layout);
        store.Save(AgentState.Empty with { ClientId = "c-1", ClientSecret = "s", ServerKey = "k" });
        var schedule = new Schedule(TimeSpan.FromHours(30), TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        using var stop = new CancellationTokenSource();
        var loop = ServiceLoop.RunAsync(context, schedule, new Random(Seed), stop.Token);

        await lines.NextContainingAsync("daily self-check:");
        Assert.Contains("not healthy (", lines.Last, StringComparison.Ordinal);
        Assert.Contains("pointer", lines.Last, StringComparison.Ordinal);
        await lines.NextContainingAsync("next maintenance cycle in");
        var kept = store.Load().State.PendingHealth;
        Assert.NotNull(kept);
        Assert.False(kept.Healthy);
        Assert.Contains("pointer", kept.Failed!);

        // Sent with a cycle (the server would have it now): gone from the state, then checked again a day later, before
        // the next cycle (30 hours) is due.
        store.Save(store.Load().State with { PendingHealth = null });
        time.Advance(DailyCheck.Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(lines.TryReadContaining("daily self-check"), "the check ran again before a day had passed");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await lines.NextContainingAsync("daily self-check:");
        Assert.NotNull(store.Load().State.PendingHealth);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await loop.WaitAsync(TimeSpan.FromSeconds(30)));

        // Each finished cycle stamps its time: the only one ran at start, none with the second check (30 hours not passed).
        Assert.Equal(start, store.Load().State.LastCycle);
    }

    /// <summary>Progress lines as they are written, to be awaited one by one.</summary>
    private sealed class LineChannel : TextWriter
    {
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Last { get; private set; } = "";

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    _lines.Writer.TryWrite(_line.ToString());
                    _line.Clear();
                }
                else
                {
                    _line.Append(value);
                }
            }
        }

        // Reads lines until one contains the text; the timeout only bounds a broken loop.
        public async Task NextContainingAsync(string text)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            do
            {
                Last = await _lines.Reader.ReadAsync(patience.Token);
            }
            while (!Last.Contains(text, StringComparison.Ordinal));
        }

        public bool TryReadContaining(string text)
        {
            while (_lines.Reader.TryRead(out var line))
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
