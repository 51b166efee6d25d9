using System.Net;
using System.Net.Http.Json;
using System.Text;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// <c>POST /v1/rollouts/{id}/rollback</c> (decision 0023): the site serves F again, the downgrade order is recorded
/// (site, from T, to F, when, who, why) with its audit row and shown with the rollout, and the site's next rollout
/// or set-version ends it; every refusal is a problem document saying why.
/// </summary>
public abstract class RollbackApiTests : RolloutTest
{
    [Fact]
    public async Task ActiveRollout_RolledBack_SiteServesF_OrderRecordedWithWhoAndWhy()
    {
        var onT = await EnrollAsync("PC-T", "10.2.0.70", installed: T);
        await StartedAsync(pilot: ["PC-1", "PC-2"]);
        var revision = (await SiteAsync()).Revision;
        Time.Advance(TimeSpan.FromHours(2));

        var response = await RollbackAsync("sp", "the pilot disks filled up");
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var rolledBack = (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!;

        Assert.Equal("rolledBack", rolledBack.State);
        Assert.Contains($"serves {F} again", rolledBack.Reason, StringComparison.Ordinal);
        var order = rolledBack.Order!;
        Assert.Equal(("B01", T, F, "the pilot disks filled up", "admin"), (order.Site, order.From, order.To, order.Reason, order.OrderedBy));
        Assert.Equal(Time.GetUtcNow().ToUnixTimeSeconds(), order.OrderedAt.ToUnixTimeSeconds());
        Assert.Null(order.EndedAt);
        Assert.Equal(new RollbackProgress(1, 0, 0, 0), order.Progress);
        var site = await SiteAsync();
        Assert.Equal((F, revision + 1), (site.Version, site.Revision));
        Assert.Equal(order, (await ShowAsync("sp")).Order);

        var standing = Assert.Single(await Store.ListStandingOrdersAsync(CancellationToken.None));
        Assert.Equal((order.Id, "sp", T, F), (standing.Id, standing.Rollout, standing.FromVersion, standing.ToVersion));
        var audit = Assert.Single(await AuditAsync("rollout.rollback"));
        Assert.Equal(("sp", "admin"), (audit.Target, audit.Actor));
        Assert.Contains("the pilot disks filled up", audit.Details, StringComparison.Ordinal);

        var list = (await (await Admin.GetAsync(Routes.Rollouts)).Content.ReadFromJsonAsync(ProtocolJson.Default.IReadOnlyListRolloutView))!;
        Assert.Equal(order, Assert.Single(list).Order);
        Assert.NotEqual("", onT);
    }

    [Fact]
    public async Task CompleteRollout_RolledBack_WithoutABody_SiteReturnsToF()
    {
        await StartedAsync(window: "0");
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(T, (await SiteAsync()).Version);

        var rolledBack = (await (await Admin.PostAsync(Routes.RolloutVerb("sp", "rollback"), null)).Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!;

        Assert.Equal(("rolledBack", (string?)null), (rolledBack.State, rolledBack.Order!.Reason));
        Assert.Equal(F, (await SiteAsync()).Version);
    }

    [Fact]
    public async Task NextRollout_EndsTheOrder_AndTheRolledBackRolloutCannotBeRolledBackAgain()
    {
        await StartedAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await RollbackAsync("sp", null));
        var again = await Expect.ProblemAsync(HttpStatusCode.Conflict, await RollbackAsync("sp", null));
        Assert.Contains("it is rolledBack, and only an active or complete rollout can be rolled back", again.Detail, StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await VerbAsync("sp", "abort"));
        var revision = (await SiteAsync()).Revision;

        Time.Advance(TimeSpan.FromDays(1));
        await StartedAsync(id: "sp2");

        var ended = (await ShowAsync("sp")).Order!;
        Assert.Equal(Time.GetUtcNow().ToUnixTimeSeconds(), ended.EndedAt!.Value.ToUnixTimeSeconds());
        Assert.Equal("rollout sp2 started", ended.EndReason);
        Assert.Empty(await Store.ListStandingOrdersAsync(CancellationToken.None));
        Assert.Equal(revision + 1, (await SiteAsync()).Revision);
    }

    [Fact]
    public async Task SetVersion_EndsTheOrder_EvenToTheSameVersion_AndACompleteRolloutThenCannotBeRolledBack()
    {
        await StartedAsync(window: "0");
        await Sweeper.SweepAsync(CancellationToken.None);
        await Expect.StatusAsync(HttpStatusCode.OK, await RollbackAsync("sp", "bad"));

        await Admin.SetSiteVersionAsync("B01", F);
        var ended = (await ShowAsync("sp")).Order!;
        Assert.Equal($"the site's version was set to {F}", ended.EndReason);
        Assert.Empty(await Store.ListStandingOrdersAsync(CancellationToken.None));

        // A second rollout completes; the site then moves on by set-version: that rollout can no longer be rolled back.
        await StartedAsync(id: "sp2", window: "0");
        await Sweeper.SweepAsync(CancellationToken.None);
        await Admin.PublishAsync("2.00.1493.2200");
        await Admin.SetSiteVersionAsync("B01", "2.00.1493.2200");
        var refused = await Expect.ProblemAsync(HttpStatusCode.Conflict, await RollbackAsync("sp2", null));
        Assert.Contains("has had a later rollout or siteVersion since it completed", refused.Detail, StringComparison.Ordinal);
        Assert.Equal("2.00.1493.2200", (await SiteAsync()).Version);
    }

    [Fact]
    public async Task ReplacingTheSiteWithTheSameVersion_KeepsTheOrder()
    {
        await StartedAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await RollbackAsync("sp", null));

        var same = await Admin.PutAsJsonAsync(Routes.Site("B01"), new SiteRequest("B01", "Branch", F, ["10.2.0.0/16"]), ProtocolJson.Default.SiteRequest);
        await Expect.StatusAsync(HttpStatusCode.OK, same);

        Assert.Single(await Store.ListStandingOrdersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WithoutAPackageOfF_TheRollbackIsRefused_AndNothingChanges()
    {
        await StartedAsync(window: "0");
        await Sweeper.SweepAsync(CancellationToken.None);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await Admin.DeleteAsync($"{Routes.Packages}/{F}"));

        var refused = await Expect.ProblemAsync(HttpStatusCode.Conflict, await RollbackAsync("sp", null));

        Assert.Contains($"no package of {F} is published", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(("complete", T), ((await ShowAsync("sp")).State, (await SiteAsync()).Version));
        Assert.Empty(await Store.ListStandingOrdersAsync(CancellationToken.None));
        Assert.Empty(await AuditAsync("rollout.rollback"));
    }

    [Fact]
    public async Task UnknownRollout_BadBody_LongReason_AreProblemsNamingTheField()
    {
        await StartedAsync();

        await Expect.ProblemAsync(HttpStatusCode.NotFound, await RollbackAsync("nothing", null));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await RollbackAsync(new string('x', 65), null));
        using var notJson = new StringContent("{\"reason\": 5}", Encoding.UTF8, "application/json");
        Assert.NotEmpty(await Expect.FieldErrorAsync(await Admin.PostAsync(Routes.RolloutVerb("sp", "rollback"), notJson), "reason"));
        Assert.Contains("at most 1000 characters", (await Expect.FieldErrorAsync(await RollbackAsync("sp", new string('r', 1001)), "reason"))[0], StringComparison.Ordinal);

        Assert.Equal("spreading", (await ShowAsync("sp")).State);
        Assert.Empty(await Store.ListStandingOrdersAsync(CancellationToken.None));
    }

    private async Task<SiteView> SiteAsync() => (await (await Admin.GetAsync(Routes.Site("B01"))).Content.ReadFromJsonAsync(ProtocolJson.Default.SiteView))!;

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action) =>
        [.. (await (await Admin.GetAsync(Routes.Audit)).Content.ReadFromJsonAsync(ProtocolJson.Default.IReadOnlyListAuditEntry))!.Where(a => a.Action == action)];
}

public sealed class RollbackApiOnSqlite : RollbackApiTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class RollbackApiOnPostgres : RollbackApiTests
{
    protected override Engine Engine => Engine.Postgres;
}
