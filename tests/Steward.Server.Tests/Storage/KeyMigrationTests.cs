using Dapper;
using Steward.Server.Storage.Engines;
using Steward.Server.Storage.Migrations;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Storage;

/// <summary>Migration 0005 on a database made before key rotation: its one key becomes key 1, active, pinned by every client.</summary>
public abstract class KeyMigrationTests : IAsyncLifetime
{
    private string? _directory;
    private PostgresDatabase? _postgres;
    private DatabaseEngine _engine = null!;

    protected abstract Engine Engine { get; }

    public async Task InitializeAsync()
    {
        if (Engine == Engine.Sqlite)
        {
            _directory = Directory.CreateTempSubdirectory("steward-migration-").FullName;
            _engine = new SqliteEngine(Path.Combine(_directory, "steward.db"));
        }
        else
        {
            _postgres = await PostgresDatabase.CreateAsync();
            _engine = new PostgresEngine(_postgres.ConnectionString);
        }
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_engine).DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task ExistingKeyClientsAndPackages_BecomeKey1Active_PinnedBy_SignedBy()
    {
        await MigrationRunner.ApplyAsync(_engine, CancellationToken.None, through: 4);
        await using (var connection = await _engine.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO signing_keys (id, private_key, public_key, created_at) VALUES ('k', 'private', 'public', 5);
                INSERT INTO clients (id, name, secret_hash, installed, sites, addresses, travel, enrolled_at, revision) VALUES ('c1', 'PC-1', 'h', NULL, '', '', 0, 1, 1);
                INSERT INTO packages (version, sha256, size, entry_point, files, manifest, signature, published_at, published_by)
                VALUES ('2.00.1493.2000', 'aa', 1, 'steward-agent', 1, 'm', 's', 1, 'admin');
                """);
        }

        Assert.Contains("0005_signing_key_rotation", await MigrationRunner.ApplyAsync(_engine, CancellationToken.None));
        await using var store = new SqlStore(_engine);
        var key = Assert.Single(await store.ListSigningKeysAsync(CancellationToken.None));
        Assert.Equal(("k", 1L, SigningKeyStates.Active, "private", "public"), (key.Id, key.Number, key.State, key.PrivateKey, key.PublicKey));
        Assert.Equal(1L, (await store.CountPinnedKeysAsync(CancellationToken.None))[1]);
        Assert.Equal(1L, (await store.FindPackageAsync("2.00.1493.2000", CancellationToken.None))!.SignedBy);
    }
}

public sealed class KeyMigrationOnSqlite : KeyMigrationTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class KeyMigrationOnPostgres : KeyMigrationTests
{
    protected override Engine Engine => Engine.Postgres;
}
