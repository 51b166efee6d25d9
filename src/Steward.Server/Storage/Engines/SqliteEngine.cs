using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Steward.Server.Storage.Engines;

/// <summary>
/// The embedded database: one file in the data directory, in WAL mode with <c>synchronous=FULL</c>, so
/// that a committed transaction survives a crash of the process and of the machine.
/// </summary>
internal sealed class SqliteEngine : DatabaseEngine, IAsyncDisposable
{
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
            _lock = new FileStream(_path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new Hosting.InvalidConfigurationException(
                $"another steward server is using {_path} ({e.Message.TrimEnd('.')}); one server serves a SQLite database: use --database postgres to run several.");
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

    public override string Name => "sqlite";

    public override string Describe => $"SQLite database {_path}";

    public override string Identity => "INTEGER PRIMARY KEY";

    public override string ForUpdate => "";

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
