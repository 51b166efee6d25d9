using System.Data.Common;
using Dapper;
using Steward.Policy.Rollouts;
using Steward.Server.Rollouts;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>What rollouts do by themselves as time passes: a pilot that has succeeded spreads, a window that has passed completes.</summary>
internal sealed partial class SqlStore
{
    public async Task<IReadOnlyList<RolloutSettled>> SettleRolloutsAsync(long now, long nowMs, CancellationToken cancellationToken)
    {
        // Decided first without a lock: most sweeps find nothing due, and then open no write transaction (and keep
        // the cached sites, which only a completion changes).
        var due = await ReadAsync(
            async c =>
            {
                var candidates = await c.QueryAsync<RolloutRow>(new CommandDefinition(
                    "SELECT * FROM rollouts WHERE state IN ('pilot', 'spreading') ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
                var found = new List<(RolloutRow Row, bool Completes)>();
                foreach (var candidate in candidates)
                {
                    if (await DueChangeAsync(c, null, candidate, now).ConfigureAwait(false) is { } change)
                    {
                        found.Add((candidate, change.Rollout!.State == RolloutState.Complete));
                    }
                }

                return found;
            },
            cancellationToken).ConfigureAwait(false);
        var settled = new List<RolloutSettled>();
        foreach (var (candidate, completes) in due)
        {
            Task<StoreResult> Settle(DbConnection c, DbTransaction t) => SettleAsync(c, t, candidate, now, nowMs, settled);
            await (completes ? WriteSitesAsync(Settle, cancellationToken) : WriteAsync(Settle, cancellationToken)).ConfigureAwait(false);
        }

        return settled;
    }

    // Each in its own transaction, decided again on the row as it is under the lock: another server that settled
    // it first has moved its revision on, and this one then finds nothing to do.
    private async Task<StoreResult> SettleAsync(DbConnection c, DbTransaction t, RolloutRow candidate, long now, long nowMs, List<RolloutSettled> settled)
    {
        var before = await c.QuerySingleOrDefaultAsync<RolloutRow>(
            "SELECT * FROM rollouts WHERE id = @Id AND revision = @Revision" + engine.ForUpdate, candidate, t).ConfigureAwait(false);
        if (before is null || await DueChangeAsync(c, t, before, now).ConfigureAwait(false) is not { } change)
        {
            return new StoreResult(StoreStatus.Conflict);
        }

        var after = await SaveRolloutAsync(c, t, before, change.Rollout!).ConfigureAwait(false);
        var completed = change.Rollout!.State == RolloutState.Complete;
        if (completed)
        {
            // The site serves T from now on: its revision moves on, as for any change of its version.
            await c.ExecuteAsync(
                "UPDATE sites SET version = @ToVersion, revision = revision + 1, updated_at = @nowMs WHERE code = @Site",
                new { after.ToVersion, after.Site, nowMs },
                t).ConfigureAwait(false);
            await InsertEventAsync(c, t, after, "completed", change.Reason, nowMs).ConfigureAwait(false);
        }

        await InsertServerAuditAsync(c, t, completed ? "rollout.complete" : "rollout.spread", after, change.Reason, nowMs).ConfigureAwait(false);
        settled.Add(new RolloutSettled(after, change.Reason));
        return StoreResult.Ok;
    }

    // What time does to a rollout by itself now (a spreading one completes, a pilot that has succeeded spreads); null when nothing is due.
    private static async Task<RolloutChange?> DueChangeAsync(DbConnection c, DbTransaction? t, RolloutRow row, long now)
    {
        var rollout = RolloutRows.ToPolicy(row, await PilotCountAsync(c, t, row.Id).ConfigureAwait(false));
        return rollout.State == RolloutState.Spreading
            ? RolloutLifecycle.CompleteIfDue(rollout, now, TimeStyle.Utc)
            : RolloutLifecycle.PilotSucceeded(rollout, rollout.PilotCount > 0 && await PilotRunsTargetAsync(c, t, row, null).ConfigureAwait(false), now, TimeStyle.Utc);
    }
}
