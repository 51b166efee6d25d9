using System.Data.Common;
using Dapper;
using Steward.Server.Storage.Engines;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>
/// <see cref="IStewardStore"/> in SQL that both engines run unchanged; what differs is in
/// <see cref="DatabaseEngine"/>. One partial file per concern.
/// </summary>
internal sealed partial class SqlStore(DatabaseEngine engine, RowCache? cache = null) : IStewardStore, IAsyncDisposable
{
    static SqlStore()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        RowTypes.Register();
    }

    public DatabaseEngine Engine => engine;

    public async ValueTask DisposeAsync()
    {
        if (engine is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(connection).ConfigureAwait(false);
    }

    // One write transaction: committed when the work returns a success, rolled back otherwise. The kept live rollouts
    // are forgotten when it ends (decision 0026) unless the caller says its work writes neither rollouts, their
    // pilots nor downgrade orders: the writes of every cycle (decisions, heartbeats) say so, and only they.
    private async Task<StoreResult> WriteAsync(Func<DbConnection, DbTransaction, Task<StoreResult>> work, CancellationToken cancellationToken, bool leavesRollouts = false)
    {
        await using var connection = await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await engine.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        try
        {
            StoreResult result;
            try
            {
                result = await work(connection, transaction).ConfigureAwait(false);
            }
            catch (DbException e) when (engine.IsUniqueViolation(e))
            {
                return new StoreResult(StoreStatus.AlreadyExists);
            }

            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            if (!leavesRollouts)
            {
                cache?.ForgetRollouts();
            }
        }
    }

    private static Task<int> InsertAuditAsync(DbConnection connection, DbTransaction transaction, AuditRow audit) =>
        connection.ExecuteAsync(
            "INSERT INTO audit (at, actor, action, target, details) VALUES (@At, @Actor, @Action, @Target, @Details)",
            audit,
            transaction);

    public Task AddAuditAsync(AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    public Task<IReadOnlyList<AuditRow>> ListAuditAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<AuditRow>>(
            async c => [.. await c.QueryAsync<AuditRow>(
                new CommandDefinition("SELECT * FROM audit ORDER BY id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
}
