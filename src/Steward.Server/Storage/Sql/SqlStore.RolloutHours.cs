using Dapper;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Rollouts' hourly counts of installed versions (migration 0011).</summary>
internal sealed partial class SqlStore : IRolloutHourStore
{
    public async Task<bool> CountRolloutHourAsync(string rollout, string site, long hour, CancellationToken cancellationToken)
    {
        var args = new { rollout, site, hour };
        var counted = await ReadAsync(
            c => c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM rollout_hours WHERE rollout = @rollout AND hour = @hour", args, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        if (counted > 0)
        {
            return false;
        }

        var written = 0;
        await WriteAsync(
            async (c, t) =>
            {
                // The site's clients through client_sites' (site, client) index; WHERE before GROUP BY keeps SQLite
                // from reading ON CONFLICT as a join's ON. Two servers counting the same hour: the key keeps the first.
                written = await c.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO rollout_hours (rollout, hour, version, clients)
                    SELECT @rollout, @hour, COALESCE(c.installed, ''), COUNT(*)
                    FROM client_sites s JOIN clients c ON c.id = s.client
                    WHERE s.site = @site
                    GROUP BY COALESCE(c.installed, '')
                    ON CONFLICT DO NOTHING
                    """,
                    args, t, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        return written > 0;
    }

    public Task<IReadOnlyList<RolloutHourRow>> ListRolloutHoursAsync(string rollout, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<RolloutHourRow>>(
            async c => [.. await c.QueryAsync<RolloutHourRow>(new CommandDefinition(
                "SELECT hour, version, clients FROM rollout_hours WHERE rollout = @rollout ORDER BY hour, version", new { rollout }, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
}
