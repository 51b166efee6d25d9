using System.Data;
using System.Data.Common;
using Npgsql;

namespace Steward.Server.Storage.Engines;

/// <summary>PostgreSQL, for installations that outgrow one machine: several server processes share it.</summary>
internal sealed class PostgresEngine : DatabaseEngine, IAsyncDisposable
{
    // An arbitrary constant that names Steward's migration lock among advisory locks.
    private const long MigrationLock = 0x5354_4557_4152_44;
    private readonly NpgsqlDataSource _source;
    private readonly string _describe;

    public PostgresEngine(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _describe = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder);
    }

    public override string Name => "postgres";

    public override string Describe => _describe;

    public override string ForUpdate => " FOR UPDATE";

    public override string In(string column, string parameter) => $"{column} = ANY({parameter})";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLock})";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
