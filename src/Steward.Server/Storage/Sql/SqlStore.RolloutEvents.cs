using Dapper;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>The webhook's outbox: halts and completions, claimed by one server at a time and retried until delivered.</summary>
internal sealed partial class SqlStore
{
    private const string DueEvent = "SELECT * FROM rollout_events WHERE delivered_at IS NULL AND next_at <= @nowMs ORDER BY next_at, id LIMIT 1";

    public async Task<RolloutEventRow?> ClaimEventAsync(long nowMs, long leaseUntil, CancellationToken cancellationToken)
    {
        // Looked for first without a lock: most tries find nothing due, and then open no write transaction.
        if (await ReadAsync(c => c.QueryFirstOrDefaultAsync<RolloutEventRow>(new CommandDefinition(DueEvent, new { nowMs }, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        RolloutEventRow? claimed = null;
        await WriteAsync(
            async (c, t) =>
            {
                var due = await c.QueryFirstOrDefaultAsync<RolloutEventRow>(DueEvent + engine.ForUpdate, new { nowMs }, t).ConfigureAwait(false);
                if (due is null)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                // Moving next_at on claims it: another server's query no longer finds it due until the lease ends.
                var moved = await c.ExecuteAsync(
                    "UPDATE rollout_events SET next_at = @leaseUntil, tries = tries + 1 WHERE id = @Id AND next_at = @NextAt", new { due.Id, due.NextAt, leaseUntil }, t).ConfigureAwait(false);
                if (moved == 0)
                {
                    return new StoreResult(StoreStatus.Conflict);
                }

                claimed = due with { Tries = due.Tries + 1, NextAt = leaseUntil };
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    public Task RecordEventTryAsync(long id, long? deliveredAt, string? error, long nextAt, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                await c.ExecuteAsync(
                    "UPDATE rollout_events SET delivered_at = @deliveredAt, last_error = @error, next_at = @nextAt WHERE id = @id",
                    new { id, deliveredAt, error, nextAt },
                    t).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);
}
