using Dapper;
using Steward.Server.Storage.Engines;
using Steward.Server.Storage.Migrations;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// A store on a SQLite file of its own with the process's row cache, as the server runs it by default: site B01 at
/// <see cref="RolloutTest.F"/>, packages F and T published, and rollout "sp" of T started at 1000 (no pilot, a
/// one-hour window, so due at 4600).
/// </summary>
internal sealed class SqliteRolloutStore : IAsyncDisposable
{
    private readonly string _directory;

    private SqliteRolloutStore(string directory, RowCache cache)
    {
        _directory = directory;
        Cache = cache;
        Store = new SqlStore(new SqliteEngine(Path.Combine(directory, SqliteEngine.FileName)), cache);
    }

    public RowCache Cache { get; }

    public SqlStore Store { get; }

    public static async Task<SqliteRolloutStore> StartAsync()
    {
        var store = new SqliteRolloutStore(Directory.CreateTempSubdirectory("steward-rollout-store-").FullName, new RowCache(100));
        await MigrationRunner.ApplyAsync(store.Store.Engine, CancellationToken.None);
        await store.ExecuteAsync(
            "INSERT INTO packages (version, sha256, size, entry_point, files, manifest, signature, published_at, published_by) VALUES (@F, 'f', 1, 'x', 1, '', '', 0, 't'), (@T, 't', 1, 'x', 1, '', '', 0, 't')",
            new { RolloutTest.F, RolloutTest.T });
        await store.ExecuteAsync("INSERT INTO sites (code, name, version, boundaries, revision, created_at, updated_at) VALUES ('B01', NULL, @F, '', 1, 0, 0)", new { RolloutTest.F });

        var (started, _, reason) = await store.Store.StartRolloutAsync(
            new RolloutStart("sp", "B01", RolloutTest.T, [], 3600, 5, "0.05", 1000, "test"), Audit("rollout.start"), CancellationToken.None);
        Assert.True(started.Succeeded, reason);
        return store;
    }

    public static AuditRow Audit(string action) => new() { Actor = "test", Action = action, Target = "sp", Details = "" };

    /// <summary>Runs SQL on a connection of its own, beside the store: as another process would.</summary>
    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Store.Engine.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
