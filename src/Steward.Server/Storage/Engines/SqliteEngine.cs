using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Steward.Server.Security;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Engines;

/// <summary>
/// The embedded database: one file in the data directory, in WAL mode with <c>synchronous=FULL</c>, so
/// that a committed transaction survives a crash of the process and of the machine.
/// </summary>
internal sealed class SqliteEngine : DatabaseEngine, IAsyncDisposable
{
    /// <summary>The database's name in the data directory.</summary>
    public const string FileName = "steward.db";

    private readonly string _connectionString;
    private readonly string _path;
    private volatile bool _walSet;

    private readonly FileStream _lock;

    /// <summary>Opens the database at <paramref name="path"/> for this process alone.</summary>
    public SqliteEngine(string path)
    {
        _path = Path.GetFullPath(path);

        // One server per SQLite database: a second one would not see the first one's cache, and SQLite is
        // no database for several servers anyway. The lock goes with the process, however it ends.
        try
        {
            _lock = new FileStream(_path + ".lock", OwnerOnly.Stream(FileMode.OpenOrCreate, FileAccess.ReadWrite));
        }
        catch (IOException e)
        {
            throw new Hosting.InvalidConfigurationException(
                $"another steward server is using {_path} ({e.Message.TrimEnd('.')}); one server serves a SQLite database: use --database postgres to run several.");
        }

        // SQLite would create the database with the umask's mode (0644 as a rule), and its -wal and -shm files
        // take the database's mode: an empty file made here first, readable by its owner alone, is a valid
        // empty database and makes all three private.
        if (!File.Exists(_path))
        {
            new FileStream(_path, OwnerOnly.Stream(FileMode.CreateNew, FileAccess.Write)).Dispose();
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Every file SQLite and this engine keep for the database at <paramref name="database"/>.</summary>
    public static IEnumerable<string> Files(string database) =>
        [database, database + "-wal", database + "-shm", database + "-journal", database + ".lock"];

    public override string Name => "sqlite";

    public override string Describe => $"SQLite database {_path}";

    public override string Identity => "INTEGER PRIMARY KEY";

    public override string KeyOnlyTable => " WITHOUT ROWID";

    public override string ForUpdate => "";

    public override string UnixSecondsNow => "SELECT CAST(strftime('%s', 'now') AS INTEGER)";
    public override string Binary => "";

    public override string In(string column, string parameter) => $"{column} IN {parameter}";

    // Reads need nothing set: a pooled connection opens without a round of pragmas, which matters on the
    // maintenance cycle's read-only path.
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_walSet)
        {
            // WAL persists in the database file: once per process is enough.
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _walSet = true;
        }

        return connection;
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // synchronous and foreign_keys are per connection, and foreign_keys can only change outside a
        // transaction, so both are set before every write.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for a deferred transaction.
        return await ((SqliteConnection)connection).BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
    }

    // A deferred transaction takes no lock until it reads; in WAL mode its first read fixes the snapshot,
    // and writers go on meanwhile. Microsoft.Data.Sqlite has no asynchronous deferred begin; BEGIN DEFERRED
    // touches no page, so it does not block.
    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: true));
    }

    // Statements prepared once per batch and stepped for each client, straight through SQLitePCL on the
    // transaction's connection: ADO.NET's work per command (a data reader, parameters bound by name) cost as
    // much again as SQLite's own update (decision 0009).
    public override Task WriteHeartbeatsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HeartbeatTotal> totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var database = ((SqliteConnection)connection).Handle!;
        using var current = Prepare(database, HeartbeatUpdate);
        using var earlier = Prepare(database, EarlierDecisionUpdate);
        foreach (var total in totals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step(database, current, total);
            if (raw.sqlite3_changes(database) == 0)
            {
                Step(database, earlier, total);
            }
        }

        return Task.CompletedTask;
    }

    private static sqlite3_stmt Prepare(sqlite3 database, string sql)
    {
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out var statement), database);
        return statement;
    }

    private static void Step(sqlite3 database, sqlite3_stmt statement, HeartbeatTotal total)
    {
        raw.sqlite3_bind_text(statement, 1, total.Client);
        raw.sqlite3_bind_int64(statement, 2, total.Decision);
        raw.sqlite3_bind_int64(statement, 3, total.Repeats);
        raw.sqlite3_bind_int64(statement, 4, total.Seen);
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(step, database);
        }
    }

    private const string HeartbeatUpdate =
        """
        UPDATE heartbeats SET repeats = repeats + ?3, repeated_at = CASE WHEN repeated_at > ?4 THEN repeated_at ELSE ?4 END, seen = CASE WHEN seen < ?4 THEN ?4 ELSE seen END
        WHERE client = ?1 AND decision = ?2
        """;

    // Repeats of a decision that is no longer the client's last (a newer one was committed while they waited).
    private const string EarlierDecisionUpdate =
        "UPDATE decisions SET repeats = repeats + ?3, last_at = CASE WHEN last_at < ?4 THEN ?4 ELSE last_at END WHERE id = ?2 AND client = ?1";

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _lock.DisposeAsync().ConfigureAwait(false);
    }

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
