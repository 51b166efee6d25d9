using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Steward.Server.Storage.Engines;

/// <summary>
/// The embedded database: one file in the data directory, in WAL mode with <c>synchronous=FULL</c>, so
/// that a committed transaction survives a crash of the process and of the machine.
/// </summary>
internal sealed class SqliteEngine : DatabaseEngine
{
    private readonly string _connectionString;
    private readonly string _path;

    public SqliteEngine(string path)
    {
        _path = Path.GetFullPath(path);
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

    public override string ForUpdate => "";

    public override string In(string column, string parameter) => $"{column} IN {parameter}";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        // journal_mode persists in the file; synchronous and foreign_keys are per connection.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for a deferred transaction.
        return await ((SqliteConnection)connection).BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
