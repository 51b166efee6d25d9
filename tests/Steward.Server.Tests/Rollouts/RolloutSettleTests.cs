namespace Steward.Server.Tests.Rollouts;

/// <summary>The sweep writes only what is due: a sweep that finds nothing to settle leaves the cached sites alone.</summary>
public sealed class RolloutSettleTests
{
    [Fact]
    public async Task ASweepWithNothingDue_KeepsTheCachedSites_ACompletionForgetsThem()
    {
        // No pilot: it spreads from 1000 over an hour, due at 4600.
        await using var sqlite = await SqliteRolloutStore.StartAsync();
        var (store, cache) = (sqlite.Store, sqlite.Cache);
        cache.PutSites(await store.ListSitesAsync(CancellationToken.None));

        Assert.Empty(await store.SettleRolloutsAsync(4599, 4_599_000, CancellationToken.None));
        Assert.NotNull(cache.Sites);

        var settled = Assert.Single(await store.SettleRolloutsAsync(4600, 4_600_000, CancellationToken.None));
        Assert.Equal("complete", settled.Rollout.State);
        Assert.Null(cache.Sites);
        Assert.Equal(RolloutTest.T, (await store.FindSiteAsync("B01", CancellationToken.None))!.Version);
    }
}
