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
        var candidates = await ReadAsync(
            async c => (await c.QueryAsync<RolloutRow>(new CommandDefinition(
                "SELECT * FROM rollouts WHERE state IN ('pilot', 'spreading') ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList(),
            cancellationToken).ConfigureAwait(false);
        var settled = new List<RolloutSettled>();
        foreach (var candidate in candidates)
        {
            // Each in its own transaction, on the row as it is under the lock: another server that settled it
            // first has moved its revision on, and this one then finds nothing to do.
            await WriteSitesAsync(
                async (c, t) =>
                {
                    var before = await c.QuerySingleOrDefaultAsync<RolloutRow>(
                        "SELECT * FROM rollouts WHERE id = @Id AND revision = @Revision" + engine.ForUpdate, candidate, t).ConfigureAwait(false);
                    if (before is null)
                    {
                        return new StoreResult(StoreStatus.Conflict);
                    }

                    var rollout = RolloutRows.ToPolicy(before, await PilotCountAsync(c, t, before.Id).ConfigureAwait(false));
                    var change = rollout.State == RolloutState.Spreading
                        ? RolloutLifecycle.CompleteIfDue(rollout, now, TimeStyle.Utc)
                        : RolloutLifecycle.PilotSucceeded(rollout, rollout.PilotCount > 0 && await PilotRunsTargetAsync(c, t, before, null).ConfigureAwait(false), now, TimeStyle.Utc);
                    if (change is null)
                    {
                        return new StoreResult(StoreStatus.Conflict);
                    }

                    var after = await SaveRolloutAsync(c, t, before, change.Rollout!).ConfigureAwait(false);
                    if (after.State == "complete")
                    {
                        // The site serves T from now on: its revision moves on, as for any change of its version.
                        await c.ExecuteAsync(
                            "UPDATE sites SET version = @ToVersion, revision = revision + 1, updated_at = @nowMs WHERE code = @Site",
                            new { after.ToVersion, after.Site, nowMs },
                            t).ConfigureAwait(false);
                        await InsertEventAsync(c, t, after, "completed", change.Reason, nowMs).ConfigureAwait(false);
                    }

                    await InsertServerAuditAsync(c, t, after.State == "complete" ? "rollout.complete" : "rollout.spread", after, change.Reason, nowMs).ConfigureAwait(false);
                    settled.Add(new RolloutSettled(after, change.Reason));
                    return StoreResult.Ok;
                },
                cancellationToken).ConfigureAwait(false);
        }

        return settled;
    }
}
