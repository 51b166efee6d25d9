using Dapper;
using Steward.Server.Storage.Engines;
using Steward.Server.Storage.Migrations;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;

namespace Steward.Server.Tests.Rollouts;

/// <summary>The sweep writes only what is due: a sweep that finds nothing to settle leaves the cached sites alone.</summary>
public sealed class RolloutSettleTests
{
    [Fact]
    public async Task ASweepWithNothingDue_KeepsTheCachedSites_ACompletionForgetsThem()
    {
        var directory = Directory.CreateTempSubdirectory("steward-settle-").FullName;
        try
        {
            var cache = new RowCache(100);
            await using var store = new SqlStore(new SqliteEngine(Path.Combine(directory, SqliteEngine.FileName)), cache);
            await SettleAsync(store, cache);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task SettleAsync(SqlStore store, RowCache cache)
    {
        await MigrationRunner.ApplyAsync(store.Engine, CancellationToken.None);
        await using (var connection = await store.Engine.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO packages (version, sha256, size, entry_point, files, manifest, signature, published_at, published_by) VALUES (@F, 'f', 1, 'x', 1, '', '', 0, 't'), (@T, 't', 1, 'x', 1, '', '', 0, 't')",
                new { RolloutTest.F, RolloutTest.T });
            await connection.ExecuteAsync("INSERT INTO sites (code, name, version, boundaries, revision, created_at, updated_at) VALUES ('B01', NULL, @F, '', 1, 0, 0)", new { RolloutTest.F });
        }

        // No pilot: it spreads from 1000 over an hour, due at 4600.
        var (started, _, reason) = await store.StartRolloutAsync(
            new RolloutStart("sp", "B01", RolloutTest.T, [], 3600, 5, "0.05", 1000, "test"), new AuditRow { Actor = "test", Action = "rollout.start", Target = "sp", Details = "" }, CancellationToken.None);
        Assert.True(started.Succeeded, reason);
        cache.PutSites(await store.ListSitesAsync(CancellationToken.None));

        Assert.Empty(await store.SettleRolloutsAsync(4599, 4_599_000, CancellationToken.None));
        Assert.NotNull(cache.Sites);

        var settled = Assert.Single(await store.SettleRolloutsAsync(4600, 4_600_000, CancellationToken.None));
        Assert.Equal("complete", settled.Rollout.State);
        Assert.Null(cache.Sites);
        Assert.Equal(RolloutTest.T, (await store.FindSiteAsync("B01", CancellationToken.None))!.Version);
    }
}
