using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Rollouts;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// A rollout in the live maintenance cycle (docs/RULES.md section 4, docs/PROTOCOL.md): the access point decides with
/// the versions served to each client now; an upgrade under a rollout opens an attempt whose id travels in the offer,
/// and the client's row keeps its version until the agent reports success; a report counts once, and a replay, another
/// client's attempt and an unknown id are refused naming <c>attempt</c> and counted nowhere; a kept answer is never
/// replayed across a halt, a resume or the client's turn arriving.
/// </summary>
public abstract class RolloutCycleTests : RolloutTest
{
    [Fact]
    public async Task PilotUpgrade_OpensAnAttemptInTheOffer_RowKeptUntilSuccess_ReportCountsOnce()
    {
        await StartedAsync(pilot: ["PC-1"]);

        var offered = await CycleAsync("PC-1");
        Assert.Equal("Upgraded", offered.Outcome);
        var attempt = offered.Package!.Attempt;
        Assert.False(string.IsNullOrEmpty(attempt), "an upgrade under a rollout carries its attempt id in the offer");
        Assert.Equal(F, (await Admin.HistoryAsync(Clients["PC-1"])).Client.Installed);

        var waiting = await CycleAsync("PC-2");
        Assert.Equal("Scheduled", waiting.Outcome);
        Assert.Contains("waits for the pilot", waiting.Reason, StringComparison.Ordinal);
        Assert.Null(waiting.Package);

        // Another client's attempt and an unknown id: refused, naming the field, counted nowhere.
        var others = await PostReportAsync("PC-2", attempt!, succeeded: true);
        Assert.Contains("attempt", (await Expect.ProblemAsync(HttpStatusCode.Conflict, others)).Errors!.Keys);
        var unknown = await PostReportAsync("PC-1", Guid.NewGuid().ToString(), succeeded: true);
        Assert.Contains("attempt", (await Expect.ProblemAsync(HttpStatusCode.Conflict, unknown)).Errors!.Keys);
        Assert.Equal(("pilot", 0L, 0L), Counts(await ShowAsync("sp")));
        Assert.Equal(F, (await Admin.HistoryAsync(Clients["PC-1"])).Client.Installed);

        await Expect.StatusAsync(HttpStatusCode.NoContent, await PostReportAsync("PC-1", attempt!, succeeded: true));
        Assert.Equal(T, (await Admin.HistoryAsync(Clients["PC-1"])).Client.Installed);
        Assert.Equal(("spreading", 1L, 0L), Counts(await ShowAsync("sp")));

        // The same report again (its answer was lost): refused, and counted once.
        var replay = await PostReportAsync("PC-1", attempt!, succeeded: true);
        Assert.Contains("attempt", (await Expect.ProblemAsync(HttpStatusCode.Conflict, replay)).Errors!.Keys);
        Assert.Equal(("spreading", 1L, 0L), Counts(await ShowAsync("sp")));

        // Sent again with a cycle, it counts nowhere either, and the cycle goes on.
        var again = await Agents["PC-1"].PostCycleAsync("B01", new CycleRequest(["10.2.0.1"], T, null, new UpgradeReport(T, true, "", T, attempt)));
        await Expect.StatusAsync(HttpStatusCode.OK, again);
        Assert.Equal(("spreading", 1L, 0L), Counts(await ShowAsync("sp")));
    }

    [Fact]
    public async Task PilotFailure_ReportedThroughTheEndpoint_HaltsTheRollout_TheOtherPilotStaysOnF()
    {
        await StartedAsync(pilot: ["PC-1", "PC-2"]);
        var first = await CycleAsync("PC-1");

        await Expect.StatusAsync(HttpStatusCode.NoContent, await PostReportAsync("PC-1", first.Package!.Attempt!, succeeded: false, "health check failed: marker file present"));

        var shown = await ShowAsync("sp");
        Assert.Equal(("halted", 0L, 1L), Counts(shown));
        Assert.Contains("pilot client PC-1", shown.HaltReason, StringComparison.Ordinal);
        Assert.Equal(F, (await Admin.HistoryAsync(Clients["PC-1"])).Client.Installed);

        var second = await CycleAsync("PC-2");
        Assert.Equal("Scheduled", second.Outcome);
        Assert.Contains("halted", second.Reason, StringComparison.Ordinal);
        Assert.Null(second.Package);
        Assert.Equal(F, (await Admin.HistoryAsync(Clients["PC-2"])).Client.Installed);

        // After the fix, resumed into pilot: the other pilot client gets its upgrade.
        await Expect.StatusAsync(HttpStatusCode.OK, await VerbAsync("sp", "resume"));
        Assert.Equal("Upgraded", (await CycleAsync("PC-2")).Outcome);
    }

    [Fact]
    public async Task KeptAnswer_IsNotReplayed_AcrossAHalt_AResume_OrTheClientsTurn()
    {
        var started = await StartedAsync(window: "3d");
        var rollout = RolloutRows.ToPolicy((await Store.FindRolloutAsync("sp", CancellationToken.None))!, 0);
        var (name, offset) = Clients.Select(c => (c.Key, rollout.SeatOf(c.Value, pilot: false).Offset)).MaxBy(c => c.Offset);
        Assert.True(offset > 60, $"the last of four clients' turns comes after a minute ({name} at {offset} s)");
        Assert.Equal("spreading", started.State);

        // Twice, so that the second is a repeat whose answer is kept.
        Assert.Contains("waits for its turn", (await CycleAsync(name)).Reason, StringComparison.Ordinal);
        Assert.Contains("waits for its turn", (await CycleAsync(name)).Reason, StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.OK, await VerbAsync("sp", "halt"));
        Assert.Contains("is halted", (await CycleAsync(name)).Reason, StringComparison.Ordinal);
        Assert.Contains("is halted", (await CycleAsync(name)).Reason, StringComparison.Ordinal);

        await Expect.StatusAsync(HttpStatusCode.OK, await VerbAsync("sp", "resume"));
        Assert.Contains("waits for its turn", (await CycleAsync(name)).Reason, StringComparison.Ordinal);
        Assert.Contains("waits for its turn", (await CycleAsync(name)).Reason, StringComparison.Ordinal);

        // Its turn arrives: the kept Scheduled answer is not replayed.
        Time.Advance(TimeSpan.FromSeconds(offset));
        var upgraded = await CycleAsync(name);
        Assert.Equal("Upgraded", upgraded.Outcome);
        Assert.NotNull(upgraded.Package!.Attempt);
    }

    [Fact]
    public async Task ACycleThatMissesItsKeptAnswer_ReadsTheRolloutsOnce()
    {
        await StartedAsync(pilot: ["PC-1"]);
        Assert.Equal("Scheduled", (await CycleAsync("PC-2")).Outcome);
        Assert.Equal("Scheduled", (await CycleAsync("PC-2")).Outcome);

        // Another address misses the kept answer: the decider decides with the rollouts the look-up read (decision 0022).
        var before = Clock.Reads;
        var moved = await Agents["PC-2"].PostCycleAsync("B01", new CycleRequest(["10.2.0.22"], F, null, null));
        Assert.Equal("Scheduled", (await moved.Content.ReadFromJsonAsync(ProtocolJson.Default.CycleResponse))!.Outcome);
        Assert.Equal(1, Clock.Reads - before);
    }

    [Fact]
    public async Task AnUpgradeOutsideAnyRollout_OpensNoAttempt_AndRecordsTheNewVersionAsBefore()
    {
        await Admin.SetSiteVersionAsync("B01", T);
        var offered = await CycleAsync("PC-3");
        Assert.Equal("Upgraded", offered.Outcome);
        Assert.Null(offered.Package!.Attempt);
        Assert.Equal(T, (await Admin.HistoryAsync(Clients["PC-3"])).Client.Installed);
    }

    [Fact]
    public async Task LogonPoint_DuringARollout_ShowsFAndT_AndDecidesWithWhatItServesTheComputer()
    {
        Assert.Null((await LogonPointAsync()).RolloutPackageVersion);
        await StartedAsync(pilot: ["PC-1"]);

        var point = await LogonPointAsync();
        Assert.Equal((F, T), (point.PackageVersion, point.RolloutPackageVersion));
        Assert.Equal(["sp of B01 (pilot)"], point.Rollouts);

        // A computer without an agent is served T exactly while the rollout spreads.
        Assert.Equal(F, (await App.Anonymous.LogonAsync("DC1", Secret, "PC-8", ["10.2.0.8"])).VersionAfter);
        await Expect.StatusAsync(HttpStatusCode.OK, await VerbAsync("sp", "promote"));
        Assert.Equal(T, (await App.Anonymous.LogonAsync("DC1", Secret, "PC-9", ["10.2.0.9"])).VersionAfter);
        Assert.Equal(["sp of B01 (spreading)"], (await LogonPointAsync()).Rollouts);
    }

    [Fact]
    public async Task Start_WithAPilotClientOutsideTheSite_WarnsAndStarts()
    {
        await Admin.AddSiteAsync("B02", F, "10.3.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC2", ["B02"]);
        await App.Anonymous.LogonAsync("DC2", secret, "PC-X", ["10.3.0.5"]);

        var started = await StartedAsync(pilot: ["PC-1", "PC-X"]);

        Assert.Equal("pilot", started.State);
        var warning = Assert.Single(started.Warnings!);
        Assert.Contains("PC-X is neither assigned to B01 nor inside its boundaries", warning, StringComparison.Ordinal);
        Assert.Null((await ShowAsync("sp")).Warnings);
    }

    private async Task<Protocol.Admin.LogonPointView> LogonPointAsync()
    {
        var response = await Admin.GetAsync(Routes.LogonPoint("DC1"));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonPointView))!;
    }

    private static (string State, long Successes, long Failures) Counts(Protocol.Admin.RolloutView view) => (view.State, view.Successes, view.Failures);

    private Task<CycleResponse> CycleAsync(string name) => Agents[name].CycleAsync("B01", [$"10.2.0.{name[^1]}"], F);

    private Task<HttpResponseMessage> PostReportAsync(string name, string attempt, bool succeeded, string message = "") =>
        Agents[name].PostAsJsonAsync(Routes.Report("B01"), new UpgradeReport(T, succeeded, message, succeeded ? T : F, attempt), ProtocolJson.Default.UpgradeReport);
}

public sealed class RolloutCycleOnSqlite : RolloutCycleTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class RolloutCycleOnPostgres : RolloutCycleTests
{
    protected override Engine Engine => Engine.Postgres;
}
