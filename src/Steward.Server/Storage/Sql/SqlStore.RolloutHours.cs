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
                // Under the rollout's row lock, and only if no server counted the hour meanwhile: one count is one moment,
                // never rows of two moments mixed (a version first seen later would add itself to the earlier count).
                await c.ExecuteScalarAsync<string>(new CommandDefinition(
                    "SELECT id FROM rollouts WHERE id = @rollout" + engine.ForUpdate, args, t, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM rollout_hours WHERE rollout = @rollout AND hour = @hour", args, t, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0)
                {
                    return StoreResult.Ok;
                }

                // The site's clients through client_sites' (site, client) index.
                written = await c.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO rollout_hours (rollout, hour, version, clients)
                    SELECT @rollout, @hour, COALESCE(c.installed, ''), COUNT(*)
                    FROM client_sites s JOIN clients c ON c.id = s.client
                    WHERE s.site = @site
                    GROUP BY COALESCE(c.installed, '')
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
