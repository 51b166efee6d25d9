using System.Data.Common;
using Dapper;
using Steward.Policy.Rollouts;
using Steward.Server.Rollouts;
using Steward.Server.Rules;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Rollbacks and the downgrade orders they leave (decision 0023).</summary>
internal sealed partial class SqlStore
{
    public async Task<(StoreResult Result, RolloutRow? Row, string Reason)> RollbackRolloutAsync(RollbackOrder order, AuditRow audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        RolloutRow? after = null;
        var reason = "";
        var result = await WriteSitesAsync(
            async (c, t) =>
            {
                // The site's row is locked before the rollout's, as a start locks them: a rollback, a start and a
                // change of the site's version never interleave.
                var site = await c.ExecuteScalarAsync<string>("SELECT site FROM rollouts WHERE id = @RolloutId", order, t).ConfigureAwait(false);
                if (site is null)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                await c.ExecuteAsync("SELECT code FROM sites WHERE code = @site" + engine.ForUpdate, new { site }, t).ConfigureAwait(false);
                var before = await c.QuerySingleAsync<RolloutRow>("SELECT * FROM rollouts WHERE id = @RolloutId" + engine.ForUpdate, order, t).ConfigureAwait(false);
                var change = RolloutLifecycle.Rollback(RolloutRows.ToPolicy(before, await PilotCountAsync(c, t, before.Id).ConfigureAwait(false)), order.Now);
                reason = change.Reason;
                if (!change.Applied)
                {
                    return StoreResult.Refused(new RolloutRefused(change.Reason, null));
                }

                // Clients on T are offered F's package: without one the order could not be carried out.
                var published = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM packages WHERE version = @FromVersion", before, t).ConfigureAwait(false) > 0;
                if (AdminRules.RollbackPackage(before, published) is { } missing)
                {
                    return StoreResult.Refused(missing);
                }

                after = await SaveRolloutAsync(c, t, before, change.Rollout!).ConfigureAwait(false);
                await c.ExecuteAsync(
                    "UPDATE sites SET version = @FromVersion, revision = revision + 1, updated_at = @At WHERE code = @Site",
                    new { before.FromVersion, before.Site, audit.At },
                    t).ConfigureAwait(false);
                await EndDowngradeOrdersAsync(c, t, before.Site, order.Now, $"rollout {before.Id} was rolled back").ConfigureAwait(false);
                await c.ExecuteAsync(
                    """
                    INSERT INTO downgrade_orders (id, site, rollout, from_version, to_version, ordered_at, ordered_by, reason)
                    VALUES (@OrderId, @Site, @RolloutId, @From, @To, @Now, @By, @Why)
                    """,
                    new { order.OrderId, before.Site, order.RolloutId, From = before.ToVersion, To = before.FromVersion, order.Now, order.By, Why = order.Reason },
                    t).ConfigureAwait(false);
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        return (result, result.Succeeded ? after : null, reason);
    }

    public async ValueTask<LiveRolloutRows> ReadLiveRolloutsAsync(CancellationToken cancellationToken)
    {
        if (cache?.Rollouts is { } kept)
        {
            return kept;
        }

        var generation = cache?.RolloutsGeneration ?? 0;
        var read = new LiveRolloutRows(
            await ListActiveRolloutsAsync(cancellationToken).ConfigureAwait(false),
            await ListStandingOrdersAsync(cancellationToken).ConfigureAwait(false));
        cache?.PutRollouts(read, generation);
        return read;
    }

    public Task<IReadOnlyList<DowngradeOrderRow>> ListStandingOrdersAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DowngradeOrderRow>>(
            async c => [.. await c.QueryAsync<DowngradeOrderRow>(new CommandDefinition("SELECT * FROM downgrade_orders WHERE ended_at IS NULL ORDER BY site", cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);

    public Task<(DowngradeOrderRow Order, IReadOnlyList<RolloutClientRow> Clients)?> ReadRollbackAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(c => ReadRollbackAsync(c, id, cancellationToken), cancellationToken);

    // A rolled-back rollout's order, and the clients it concerns: the site's and any it offered the way down, each
    // with its last downgrade under the order.
    private static async Task<(DowngradeOrderRow Order, IReadOnlyList<RolloutClientRow> Clients)?> ReadRollbackAsync(DbConnection c, string rollout, CancellationToken cancellationToken)
    {
        var order = await c.QuerySingleOrDefaultAsync<DowngradeOrderRow>(new CommandDefinition(
            "SELECT * FROM downgrade_orders WHERE rollout = @rollout", new { rollout }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (order is null)
        {
            return null;
        }

        var clients = await c.QueryAsync<RolloutClientRow>(new CommandDefinition(
            """
            SELECT c.id, c.name, c.installed,
                   (SELECT a.result FROM attempts a WHERE a.downgrade_order = @Id AND a.client = c.id ORDER BY a.opened_at DESC, a.id DESC LIMIT 1) AS last_result
            FROM clients c
            WHERE c.id IN (SELECT client FROM client_sites WHERE site = @Site UNION SELECT client FROM attempts WHERE downgrade_order = @Id)
            ORDER BY c.id
            """,
            order,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (order, [.. clients]);
    }

    /// <summary>
    /// What a site's next rollout or set-version does to what came before (docs/RULES.md section 4): its standing
    /// downgrade order ends, and its complete rollouts can no longer be rolled back. Returns how many orders ended.
    /// </summary>
    private static async Task<int> EndDowngradeOrdersAsync(DbConnection c, DbTransaction t, string site, long now, string why)
    {
        var ended = await c.ExecuteAsync(
            "UPDATE downgrade_orders SET ended_at = @now, end_reason = @why WHERE site = @site AND ended_at IS NULL",
            new { site, now, why },
            t).ConfigureAwait(false);
        await c.ExecuteAsync(
            "UPDATE rollouts SET superseded = 1 WHERE site = @site AND state = 'complete' AND superseded = 0",
            new { site },
            t).ConfigureAwait(false);
        return ended;
    }
}
