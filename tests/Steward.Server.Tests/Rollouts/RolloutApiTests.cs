using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>A rollout through the API: start with a pilot named by name, progress, the verbs, completion after a 3-day window on a fake clock.</summary>
public abstract class RolloutApiTests : RolloutTest
{
    [Fact]
    public async Task PilotByName_Promote_WindowPasses_CompletesOnce_SiteServesT()
    {
        var started = await StartedAsync(pilot: ["pc-1"]);

        Assert.Equal(("sp", "B01", F, T, "pilot", "3d"), (started.Id, started.Site, started.From, started.To, started.State, started.Window));
        Assert.Equal([Clients["PC-1"]], started.Pilot);
        Assert.Contains("1 pilot client first", started.Reason, StringComparison.Ordinal);
        var progress = started.Progress!;
        Assert.Equal((4L, 0L, 3L, 0L, 0L, 1L), (progress.Clients, progress.AtTarget, progress.Scheduled, progress.AttemptsOpen, progress.Failed, progress.NotYetSeen));
        Assert.Equal(["PC-1"], progress.PilotWaiting.Select(p => p.Name));

        Time.Advance(TimeSpan.FromHours(1));
        var promoted = await VerbAsync("sp", "promote");
        await Expect.StatusAsync(HttpStatusCode.OK, promoted);
        var spreading = (await promoted.Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!;
        Assert.Equal("spreading", spreading.State);
        Assert.Equal(Time.GetUtcNow().AddDays(3).ToUnixTimeSeconds(), spreading.CompletesAt!.Value.ToUnixTimeSeconds());

        // A promoted rollout cannot be promoted again: 409 with Policy's reason.
        var again = await Expect.ProblemAsync(HttpStatusCode.Conflict, await VerbAsync("sp", "promote"));
        Assert.Contains("only a rollout in pilot can be promoted", again.Detail, StringComparison.Ordinal);

        var revision = (await (await Admin.GetAsync(Routes.Site("B01"))).Content.ReadFromJsonAsync(ProtocolJson.Default.SiteView))!.Revision;
        Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        Assert.Empty(await Sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal("spreading", (await ShowAsync("sp")).State);

        // The clock's advance also sets off the server's own sweep: whichever sweep finds it due completes it, once.
        Time.Advance(TimeSpan.FromSeconds(1));
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Empty(await Sweeper.SweepAsync(CancellationToken.None));

        var complete = await ShowAsync("sp");
        Assert.Equal("complete", complete.State);
        var site = (await (await Admin.GetAsync(Routes.Site("B01"))).Content.ReadFromJsonAsync(ProtocolJson.Default.SiteView))!;
        Assert.Equal((T, revision + 1), (site.Version, site.Revision));
        var audit = (await (await Admin.GetAsync(Routes.Audit)).Content.ReadFromJsonAsync(ProtocolJson.Default.IReadOnlyListAuditEntry))!;
        Assert.Equal(["rollout.start", "rollout.promote", "rollout.complete"], audit.Where(a => a.Action.StartsWith("rollout.", StringComparison.Ordinal)).Reverse().Select(a => a.Action));
    }

    [Fact]
    public async Task HaltAndResume_MoveTheWindowForwardByTheTimeHalted_AbortKeepsF()
    {
        await StartedAsync(window: "1d");
        Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal("halted", (await (await VerbAsync("sp", "halt")).Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!.State);
        Time.Advance(TimeSpan.FromDays(2));
        Assert.Empty(await Sweeper.SweepAsync(CancellationToken.None));

        var resumed = (await (await VerbAsync("sp", "resume")).Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!;
        Assert.Equal("spreading", resumed.State);
        Assert.Equal(Time.GetUtcNow().AddHours(18).ToUnixTimeSeconds(), resumed.CompletesAt!.Value.ToUnixTimeSeconds());

        var aborted = (await (await VerbAsync("sp", "abort")).Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!;
        Assert.Equal("aborted", aborted.State);
        Assert.Equal(F, (await (await Admin.GetAsync(Routes.Site("B01"))).Content.ReadFromJsonAsync(ProtocolJson.Default.SiteView))!.Version);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await VerbAsync("sp", "resume"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await VerbAsync("nothing", "halt"));

        var list = (await (await Admin.GetAsync(Routes.Rollouts)).Content.ReadFromJsonAsync(ProtocolJson.Default.IReadOnlyListRolloutView))!;
        Assert.Equal(("sp", "aborted"), (Assert.Single(list).Id, list[0].State));
        Assert.Null(list[0].Progress);
    }

    [Fact]
    public async Task WhileActive_SiteVersionAndThePackagesOfFAndT_CannotChange()
    {
        await StartedAsync();

        var put = await Admin.PutAsJsonAsync(Routes.Site("B01") + "/version", new SiteVersionRequest(T), ProtocolJson.Default.SiteVersionRequest);
        var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, put);
        Assert.Contains("active rollout sp", Assert.Single(problem.Errors!["version"]), StringComparison.Ordinal);
        var replace = await Admin.PutAsJsonAsync(Routes.Site("B01"), new SiteRequest("B01", null, T, ["10.2.0.0/16"]), ProtocolJson.Default.SiteRequest);
        Assert.True((await Expect.ProblemAsync(HttpStatusCode.Conflict, replace)).Errors!.ContainsKey("version"));

        // The same version with other boundaries is no side door: it is let through.
        var same = await Admin.PutAsJsonAsync(Routes.Site("B01"), new SiteRequest("B01", "Branch", F, ["10.2.0.0/16"]), ProtocolJson.Default.SiteRequest);
        await Expect.StatusAsync(HttpStatusCode.OK, same);

        await Admin.PublishAsync("2.00.1493.2200");
        Assert.Contains("active rollout sp", (await Expect.ProblemAsync(HttpStatusCode.Conflict, await Admin.DeleteAsync($"{Routes.Packages}/{T}"))).Detail, StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await Admin.DeleteAsync($"{Routes.Packages}/2.00.1493.2200"));

        await Expect.StatusAsync(HttpStatusCode.OK, await VerbAsync("sp", "abort"));
        await Admin.SetSiteVersionAsync("B01", T);
    }

    [Fact]
    public async Task SecondRollout_NotNewer_Unpublished_UnknownSite_DuplicateId_AreRefusedNamingTheField()
    {
        var notNewer = await Expect.ProblemAsync(HttpStatusCode.Conflict, await StartAsync(new RolloutStartRequest("B01", F, null, null, null, null, null)));
        Assert.Contains("must bring a newer version", notNewer.Errors!["version"][0], StringComparison.Ordinal);
        var unpublished = await Expect.ProblemAsync(HttpStatusCode.Conflict, await StartAsync(new RolloutStartRequest("B01", "2.00.1493.2999", null, null, null, null, null)));
        Assert.Contains("no package of version 2.00.1493.2999", unpublished.Errors!["version"][0], StringComparison.Ordinal);
        var unknown = await Expect.ProblemAsync(HttpStatusCode.Conflict, await StartAsync(new RolloutStartRequest("Z99", T, null, null, null, null, null)));
        Assert.Contains("there is no site Z99", unknown.Errors!["site"][0], StringComparison.Ordinal);

        await StartedAsync();
        var second = await Expect.ProblemAsync(HttpStatusCode.Conflict, await StartAsync(new RolloutStartRequest("B01", T, "other", null, null, null, null)));
        Assert.Contains("already has an active rollout sp of B01", second.Errors!["site"][0], StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.OK, await VerbAsync("sp", "abort"));
        var duplicate = await Expect.ProblemAsync(HttpStatusCode.Conflict, await StartAsync(new RolloutStartRequest("B01", T, "sp", null, null, null, null)));
        Assert.True(duplicate.Errors!.ContainsKey("id"));
        var list = (await (await Admin.GetAsync(Routes.Rollouts)).Content.ReadFromJsonAsync(ProtocolJson.Default.IReadOnlyListRolloutView))!;
        Assert.Single(list);
    }

    [Fact]
    public async Task AmbiguousName_IsRefusedWithTheCandidates_AnIdPicksOne()
    {
        var first = await EnrollAsync("TWIN", "10.2.0.50");
        var second = await EnrollAsync("TWIN", "10.2.0.51");
        Assert.NotEqual(first, second);

        var errors = await Expect.FieldErrorAsync(await StartAsync(new RolloutStartRequest("B01", T, null, ["PC-1", "twin"], null, null, null)), "pilot[1]");
        Assert.Contains("matches 2 clients", errors[0], StringComparison.Ordinal);
        Assert.Contains(first, errors[0], StringComparison.Ordinal);
        Assert.Contains(second, errors[0], StringComparison.Ordinal);

        var started = await StartedAsync(pilot: [second, "PC-1", "pc-1"]);
        Assert.Equal(new[] { second, Clients["PC-1"] }.Order(StringComparer.Ordinal), started.Pilot);
    }

    [Fact]
    public async Task NoPilot_SpreadsAtOnce_PilotAlreadyOnT_SpreadsAtOnce()
    {
        var onT = await EnrollAsync("PC-NEW", "10.2.0.60", installed: T);
        var started = await StartedAsync(pilot: [onT]);
        Assert.Equal("spreading", started.State);
        Assert.Equal(Time.GetUtcNow().ToUnixTimeSeconds(), started.SpreadStart!.Value.ToUnixTimeSeconds());
    }
}

public sealed class RolloutApiOnSqlite : RolloutApiTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class RolloutApiOnPostgres : RolloutApiTests
{
    protected override Engine Engine => Engine.Postgres;
}
