using Steward.Policy.Rollouts;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// Every maintenance cycle reads the active rollouts and the standing downgrade orders. On SQLite, where this process
/// is the only writer, they are read from the database once and kept until the next write transaction ends.
/// </summary>
public sealed class LiveRolloutCacheTests
{
    [Fact]
    public async Task TheLiveRollouts_AreReadOnce_UntilTheStoreWritesAgain()
    {
        await using var sqlite = await SqliteRolloutStore.StartAsync();
        var store = sqlite.Store;

        var first = await store.ReadLiveRolloutsAsync(CancellationToken.None);
        Assert.Equal("sp", Assert.Single(first.Active).Row.Id);
        Assert.Empty(first.Orders);

        // A change made beside the store is not seen: the second read did not go to the database.
        await sqlite.ExecuteAsync("UPDATE rollouts SET successes = 7 WHERE id = 'sp'");
        var second = await store.ReadLiveRolloutsAsync(CancellationToken.None);
        Assert.Same(first, second);
        Assert.Equal(0, Assert.Single(second.Active).Row.Successes);

        // A write through the store is seen at the next read, with everything else the database holds by then.
        var (halted, _, reason) = await store.ChangeRolloutAsync("sp", RolloutVerbs.Halt, 2000, SqliteRolloutStore.Audit("rollout.halt"), CancellationToken.None);
        Assert.True(halted.Succeeded, reason);
        var after = await store.ReadLiveRolloutsAsync(CancellationToken.None);
        Assert.NotSame(first, after);
        var row = Assert.Single(after.Active).Row;
        Assert.Equal("halted", row.State);
        Assert.Equal(7, row.Successes);
    }

    [Fact]
    public async Task TheWritesOfEveryCycle_KeepTheLiveRollouts()
    {
        await using var sqlite = await SqliteRolloutStore.StartAsync();
        var store = sqlite.Store;
        var first = await store.ReadLiveRolloutsAsync(CancellationToken.None);

        // A batch of heartbeats (empty, still a write transaction), a decision and an unenrolled computer's refusal
        // write no rollout, pilot or order.
        await store.RecordHeartbeatsAsync([], CancellationToken.None);
        var refusal = new DecisionRow { Computer = "PC-9", Cause = "logon", Via = "DC1", Outcome = "NotInBoundaries", Reason = "outside every boundary" };
        Assert.True((await store.SaveDecisionAsync(new DecisionWrite(refusal, null, false, 0), CancellationToken.None)).Result.Succeeded);
        await store.RecordUnenrolledAsync(refusal, "key", CancellationToken.None);

        Assert.Same(first, await store.ReadLiveRolloutsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AWriteThatIsRefused_StillForgetsTheKeptRollouts()
    {
        await using var sqlite = await SqliteRolloutStore.StartAsync();
        var store = sqlite.Store;
        var first = await store.ReadLiveRolloutsAsync(CancellationToken.None);

        // Refused by Policy (a spreading rollout cannot be resumed), so the transaction is not committed.
        var (resumed, _, _) = await store.ChangeRolloutAsync("sp", RolloutVerbs.Resume, 2000, SqliteRolloutStore.Audit("rollout.resume"), CancellationToken.None);
        Assert.False(resumed.Succeeded);

        Assert.NotSame(first, await store.ReadLiveRolloutsAsync(CancellationToken.None));
    }

    [Fact]
    public void ARead_OvertakenByAWrite_DoesNotKeepWhatItRead()
    {
        var cache = new RowCache(100);
        var stale = new LiveRolloutRows([], []);

        var generation = cache.RolloutsGeneration;
        cache.ForgetRollouts(); // a write transaction ended while the read was at the database
        cache.PutRollouts(stale, generation);
        Assert.Null(cache.Rollouts);

        var fresh = new LiveRolloutRows([], []);
        cache.PutRollouts(fresh, cache.RolloutsGeneration);
        Assert.Same(fresh, cache.Rollouts);
    }
}
