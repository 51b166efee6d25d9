using Dapper;
using Steward.Server.Storage.Migrations;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Storage;

/// <summary>
/// Migration 0002 on a database that has clients: their last-seen times and the repeats already counted
/// carry over into the heartbeats table, and heartbeats written afterwards count on the decision they repeated.
/// </summary>
public abstract class HeartbeatMigrationTests : MigrationTest
{
    [Fact]
    public async Task ClientsOfTheFirstSchema_KeepLastSeenAndRepeats_NewHeartbeatsCountOnTheLastDecision()
    {
        Assert.Equal(["0001_initial"], await MigrationRunner.ApplyAsync(Database, CancellationToken.None, through: 1));
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO decisions (id, client, computer, at, last_at, repeats, cause, via, outcome, sites_before, sites_after, reason)
                VALUES (1, 'c1', 'PC-1', 100, 100, 0, 'logon', 'DC1', 'Installed', '', 'B01', 'installed'),
                       (2, 'c1', 'PC-1', 200, 900, 3, 'maintenance', 'B01', 'UpToDate', 'B01', 'B01', 'up to date');
                INSERT INTO clients (id, name, secret_hash, sites, addresses, travel, last_outcome, last_decision, last_seen, enrolled_at, revision)
                VALUES ('c1', 'PC-1', 'x', 'B01', '10.2.0.1', 0, 'UpToDate', 2, 900, 100, 2),
                       ('c2', 'PC-2', 'x', '', '', 0, NULL, NULL, NULL, 150, 1);
                """);
        }

        Assert.Equal(["0002_heartbeats"], await MigrationRunner.ApplyAsync(Database, CancellationToken.None, through: 2));
        var store = new SqlStore(Database);
        var migrated = await store.FindClientAsync("c1", CancellationToken.None);
        var neverSeen = await store.FindClientAsync("c2", CancellationToken.None);
        var totals = new List<HeartbeatTotal>();
        HeartbeatTotal.Sum([new Heartbeat("c1", 2, 1000), new Heartbeat("c2", null, 1000), new Heartbeat("c1", 2, 1100), new Heartbeat("c1", 1, 1200)], totals);
        await store.RecordHeartbeatsAsync(totals, CancellationToken.None);
        var beaten = await store.FindClientAsync("c1", CancellationToken.None);
        var decisions = await store.ListDecisionsAsync("c1", CancellationToken.None);

        Assert.Equal([new HeartbeatTotal("c1", 1, 1, 1200), new HeartbeatTotal("c1", 2, 2, 1100)], totals);
        Assert.Equal(900L, migrated!.LastSeen);
        Assert.Equal(150L, neverSeen!.LastSeen);
        Assert.Equal(1100L, beaten!.LastSeen);
        Assert.Equal([(1L, 1200L), (5L, 1100L)], decisions.Select(d => (d.Repeats, d.LastAt)));
    }
}

public sealed class HeartbeatMigrationOnSqlite : HeartbeatMigrationTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class HeartbeatMigrationOnPostgres : HeartbeatMigrationTests
{
    protected override Engine Engine => Engine.Postgres;
}
