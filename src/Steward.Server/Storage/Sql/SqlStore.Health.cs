using Dapper;
using Steward.Protocol.Admin;

namespace Steward.Server.Storage.Sql;

/// <summary>Each client's health, as its agent's daily self-check found it (migration 0012).</summary>
internal sealed partial class SqlStore
{
    // The cached row takes the new health too: the access point compares a report with it to skip writing the same again.
    public async Task SetClientHealthAsync(string clientId, string health, CancellationToken cancellationToken)
    {
        await WriteAsync(
            async (c, t) =>
            {
                await c.ExecuteAsync(new CommandDefinition("UPDATE clients SET health = @health WHERE id = @clientId", new { clientId, health }, t, cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        cache?.PutHealth(clientId, health);
    }

    // Every word is in the answer, with 0 where no client has it, so that the metric shows each.
    public Task<IReadOnlyDictionary<string, long>> CountByHealthAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyDictionary<string, long>>(
            async c =>
            {
                var rows = await c.QueryAsync<(string Health, long Clients)>(new CommandDefinition(
                    $"""
                    SELECT CASE WHEN health IS NULL THEN '{HealthWords.Unknown}' WHEN health = '{HealthWords.Healthy}' THEN '{HealthWords.Healthy}' ELSE '{HealthWords.Unhealthy}' END AS h,
                           COUNT(*) FROM clients GROUP BY h
                    """,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                var counts = HealthWords.Filters.ToDictionary(w => w, _ => 0L, StringComparer.Ordinal);
                foreach (var (health, clients) in rows)
                {
                    counts[health] = clients;
                }

                return counts;
            },
            cancellationToken);

    // The unhealthy condition is the partial index's own (migration 0012), so that the filter reads from it.
    private static string HealthCondition(string? health) => health switch
    {
        null => "",
        HealthWords.Healthy => $" AND c.health = '{HealthWords.Healthy}'",
        HealthWords.Unhealthy => $" AND c.health <> '{HealthWords.Healthy}'",
        HealthWords.Unknown => " AND c.health IS NULL",
        _ => throw new ArgumentException($"'{health}' is not a health filter", nameof(health)),
    };
}
