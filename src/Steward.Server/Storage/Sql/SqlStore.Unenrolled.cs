using Dapper;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Decisions of computers that are not enrolled: repeats folded, old ones deleted (decision 0011).</summary>
internal sealed partial class SqlStore
{
    public async Task<bool> RecordUnenrolledAsync(DecisionRow decision, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var repeated = false;
        await WriteAsync(
            async (c, t) =>
            {
                var last = await c.QuerySingleOrDefaultAsync<long?>(
                    "SELECT decision FROM unenrolled WHERE computer = @Computer AND decision_key = @key" + engine.ForUpdate, new { decision.Computer, key }, t).ConfigureAwait(false);

                // The decision may have been cleaned up meanwhile: then this one is written anew.
                if (last is { } id && await c.ExecuteAsync(
                    "UPDATE decisions SET repeats = repeats + 1, last_at = @LastAt WHERE id = @id AND client IS NULL", new { decision.LastAt, id }, t).ConfigureAwait(false) == 1)
                {
                    repeated = true;
                    return StoreResult.Ok;
                }

                var written = await c.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO decisions (client, computer, at, last_at, repeats, cause, via, outcome, kind, version_before, version_after, sites_before, sites_after, reason)
                    VALUES (NULL, @Computer, @At, @LastAt, 0, @Cause, @Via, @Outcome, @Kind, @VersionBefore, @VersionAfter, @SitesBefore, @SitesAfter, @Reason)
                    RETURNING id
                    """,
                    decision,
                    t).ConfigureAwait(false);
                await c.ExecuteAsync(
                    """
                    INSERT INTO unenrolled (computer, decision, decision_key) VALUES (@Computer, @written, @key)
                    ON CONFLICT (computer) DO UPDATE SET decision = excluded.decision, decision_key = excluded.decision_key
                    """,
                    new { decision.Computer, written, key },
                    t).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken,
            leavesRollouts: true).ConfigureAwait(false);
        return repeated;
    }

    public async Task<long> DeleteUnenrolledDecisionsAsync(long before, int batch, CancellationToken cancellationToken)
    {
        long deleted = 0;
        int count;
        do
        {
            count = 0;
            await WriteAsync(
                async (c, t) =>
                {
                    var ids = (await c.QueryAsync<long>(
                        "SELECT id FROM decisions WHERE client IS NULL AND last_at < @before ORDER BY last_at LIMIT @batch", new { before, batch }, t).ConfigureAwait(false)).ToArray();
                    if (ids.Length > 0)
                    {
                        await c.ExecuteAsync($"DELETE FROM unenrolled WHERE {engine.In("decision", "@ids")}", new { ids }, t).ConfigureAwait(false);
                        count = await c.ExecuteAsync($"DELETE FROM decisions WHERE {engine.In("id", "@ids")}", new { ids }, t).ConfigureAwait(false);
                    }

                    return StoreResult.Ok;
                },
                cancellationToken).ConfigureAwait(false);
            deleted += count;
        }
        while (count == batch);

        return deleted;
    }
}
