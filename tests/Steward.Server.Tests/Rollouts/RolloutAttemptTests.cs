using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// Attempts (docs/RULES.md section 4, what the server adds): each counts once however often reported; another client's or an
/// unknown id counts nowhere; a failure that reaches the halt rule halts the rollout in its own transaction;
/// an attempt with no report in 48 hours counts as failed.
/// </summary>
public abstract class RolloutAttemptTests : RolloutTest
{
    [Fact]
    public async Task PilotFailure_HaltsAtOnce_ReplaysOtherClientsAndUnknownIds_CountNowhere()
    {
        await StartedAsync(pilot: ["PC-1", "PC-2"]);
        var attempt = await OpenAttemptAsync("PC-1");

        Assert.Equal(AttemptReportStatus.Unknown, (await ReportAsync(attempt, "PC-2", succeeded: false)).Status);
        Assert.Equal(AttemptReportStatus.Unknown, (await ReportAsync(Guid.NewGuid().ToString(), "PC-1", succeeded: false)).Status);
        var reported = await ReportAsync(attempt, "PC-1", succeeded: false, "health check failed: service did not start");
        Assert.Equal(AttemptReportStatus.Counted, reported.Status);
        Assert.Contains("pilot client PC-1 failed to upgrade", Assert.Single(reported.Changed).Reason, StringComparison.Ordinal);
        Assert.Equal(AttemptReportStatus.AlreadyClosed, (await ReportAsync(attempt, "PC-1", succeeded: false)).Status);
        Assert.Equal(AttemptReportStatus.AlreadyClosed, (await ReportAsync(attempt, "PC-1", succeeded: true)).Status);

        var shown = await ShowAsync("sp");
        Assert.Equal(("halted", "pilot", 0L, 1L), (shown.State, shown.HaltedIn, shown.Successes, shown.Failures));
        Assert.Contains("pilot client PC-1", shown.HaltReason, StringComparison.Ordinal);
        Assert.Equal(("health check failed: service did not start", 1L), (shown.Progress!.FailureGroups[0].Message, shown.Progress.FailureGroups[0].Count));
        Assert.Equal(["PC-2"], shown.Progress.PilotWaiting.Select(p => p.Name));
        Assert.Equal(1L, shown.Progress.Failed);
    }

    [Fact]
    public async Task RateRule_HaltsAtTheFailureThatReachesIt_CountsSurviveResume()
    {
        await StartedAsync(window: "0", haltFailures: 2, haltRate: "0.5");
        var attempts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "PC-1", "PC-2", "PC-3", "PC-4" })
        {
            attempts[name] = await OpenAttemptAsync(name);
        }

        Assert.Empty((await ReportAsync(attempts["PC-1"], "PC-1", succeeded: true)).Changed);
        Assert.Empty((await ReportAsync(attempts["PC-2"], "PC-2", succeeded: false, "disk full")).Changed);
        var halting = await ReportAsync(attempts["PC-3"], "PC-3", succeeded: false, "disk full");
        Assert.Contains("2 of 3 upgrades failed (66.66 % ≥ 50 %)", Assert.Single(halting.Changed).Reason, StringComparison.Ordinal);

        var shown = await ShowAsync("sp");
        Assert.Equal(("halted", 1L, 2L), (shown.State, shown.Successes, shown.Failures));
        Assert.Contains("the halt rule is reached", shown.Halt, StringComparison.Ordinal);
        Assert.Equal(("disk full", 2L), (shown.Progress!.FailureGroups[0].Message, shown.Progress.FailureGroups[0].Count));
        Assert.Equal(1L, shown.Progress.AttemptsOpen);

        // Counted while halted without halting again; the counts are kept across resume.
        await ReportAsync(attempts["PC-4"], "PC-4", succeeded: true);
        await Expect.StatusAsync(HttpStatusCode.OK, await VerbAsync("sp", "resume"));
        var resumed = await ShowAsync("sp");
        Assert.Equal(("spreading", 2L, 2L), (resumed.State, resumed.Successes, resumed.Failures));
    }

    [Fact]
    public async Task UnreportedAttempt_CountsAsFailedAfter48Hours_AndMayHalt()
    {
        await StartedAsync(haltFailures: 1, haltRate: "0");
        await OpenAttemptAsync("PC-3");
        Time.Advance(TimeSpan.FromHours(48));
        Assert.Empty(await Sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal("spreading", (await ShowAsync("sp")).State);

        Time.Advance(TimeSpan.FromSeconds(1));
        await Sweeper.SweepAsync(CancellationToken.None);
        var shown = await ShowAsync("sp");
        Assert.Equal("halted", shown.State);
        Assert.Equal(("no report within 48 hours of the offer", 1L), (shown.Progress!.FailureGroups[0].Message, shown.Failures));
        Assert.Equal(0L, shown.Progress.AttemptsOpen);
    }

    [Fact]
    public async Task PilotSuccess_EndsThePilot_OnlyAttemptsToTCountOnTheSitesAssigned()
    {
        await StartedAsync(pilot: ["PC-1"]);
        var other = await OpenAttemptAsync("PC-2", to: "2.00.1493.2050");
        Assert.Empty((await ReportAsync(other, "PC-2", succeeded: false)).Changed);
        Assert.Equal(("pilot", 0L), ((await ShowAsync("sp")).State, (await ShowAsync("sp")).Failures));

        var spread = await ReportAsync(await OpenAttemptAsync("PC-1"), "PC-1", succeeded: true);
        Assert.Contains("Every pilot client of rollout sp of B01 runs", Assert.Single(spread.Changed).Reason, StringComparison.Ordinal);
        var shown = await ShowAsync("sp");
        Assert.Equal(("spreading", 1L), (shown.State, shown.Successes));
        Assert.Equal(Time.GetUtcNow().ToUnixTimeSeconds(), shown.SpreadStart!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task ManyReportsOfOneAttemptAtOnce_CountOnce()
    {
        await StartedAsync(haltFailures: 100);
        var attempt = await OpenAttemptAsync("PC-2");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReportAsync(attempt, "PC-2", succeeded: false)));

        Assert.Equal(1, results.Count(r => r.Status == AttemptReportStatus.Counted));
        Assert.Equal(1L, (await ShowAsync("sp")).Failures);
        var store = App.Services.GetRequiredService<SqlStore>();
        await using var connection = await store.Engine.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM attempts WHERE result = 'failed'"));
    }
}

public sealed class RolloutAttemptsOnSqlite : RolloutAttemptTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class RolloutAttemptsOnPostgres : RolloutAttemptTests
{
    protected override Engine Engine => Engine.Postgres;
}
