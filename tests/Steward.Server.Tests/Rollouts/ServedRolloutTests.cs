using Microsoft.Extensions.DependencyInjection;
using Steward.Policy.Rollouts;
using Steward.Server.Decisions;
using Steward.Server.Rollouts;
using Steward.Server.Storage;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>What the maintenance cycle will build its served versions from: the active rollouts with their pilots, as Policy's plan and a client's seats.</summary>
public abstract class ServedRolloutTests : RolloutTest
{
    [Fact]
    public async Task ActiveRollouts_MakeAPlan_InWhichOnlyThePilotsGateIsOpen_UntilItSpreads()
    {
        await StartedAsync(pilot: ["PC-1"]);
        var sites = App.Services.GetRequiredService<SiteTableBuilder>().Build(await App.Services.GetRequiredService<IStewardStore>().ListSitesAsync(CancellationToken.None));
        var now = Time.GetUtcNow().ToUnixTimeSeconds();

        var served = new ServedRollouts(sites, await Store.ListActiveRolloutsAsync(CancellationToken.None));

        var rollout = Assert.Single(served.Plan.Active);
        Assert.Equal(("sp", RolloutState.Pilot), (rollout.Id, rollout.State));
        Assert.True(new Serving(served.Plan, now, served.SeatsOf(Clients["PC-1"])).Open.Contains(sites.IndexOf(rollout.Site)));
        Assert.False(new Serving(served.Plan, now, served.SeatsOf(Clients["PC-2"])).Open.Contains(sites.IndexOf(rollout.Site)));

        await VerbAsync("sp", "abort");
        Assert.Empty(new ServedRollouts(sites, await Store.ListActiveRolloutsAsync(CancellationToken.None)).Plan.Active);
    }
}

public sealed class ServedRolloutsOnSqlite : ServedRolloutTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class ServedRolloutsOnPostgres : ServedRolloutTests
{
    protected override Engine Engine => Engine.Postgres;
}
