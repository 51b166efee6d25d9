using System.Text;
using Dapper;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Clients, their decisions and heartbeats.</summary>
internal sealed partial class SqlStore
{
    public Task<ClientRow?> FindClientAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            c => c.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition("SELECT * FROM clients WHERE id = @id", new { id }, cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<CycleFacts> ReadCycleFactsAsync(string clientId, string site, CancellationToken cancellationToken)
    {
        if (cache is null)
        {
            return await ReadCycleFactsFromDatabaseAsync(clientId, site, cancellationToken).ConfigureAwait(false);
        }

        var sites = cache.Sites;
        if (sites is null)
        {
            cache.PutSites(await ListSitesAsync(cancellationToken).ConfigureAwait(false));
            sites = cache.Sites!;
        }

        if (!cache.TryGetClient(clientId, out var client))
        {
            var read = await FindClientAsync(clientId, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return new CycleFacts(null, sites.ContainsKey(site), []);
            }

            cache.PutClient(read);
            client = read;
        }

        var assigned = new List<SiteRow>();
        foreach (var code in client.Sites.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sites.TryGetValue(code, out var row))
            {
                assigned.Add(row);
            }
        }

        return new CycleFacts(client, sites.ContainsKey(site), assigned);
    }

    private Task<CycleFacts> ReadCycleFactsFromDatabaseAsync(string clientId, string site, CancellationToken cancellationToken) =>
        ReadAsync(
            async c =>
            {
                using var results = await c.QueryMultipleAsync(new CommandDefinition(
                    """
                    SELECT * FROM clients WHERE id = @clientId;
                    SELECT COUNT(*) FROM sites WHERE code = @site;
                    SELECT s.* FROM client_sites cs JOIN sites s ON s.code = cs.site WHERE cs.client = @clientId ORDER BY s.code;
                    """,
                    new { clientId, site },
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                var client = await results.ReadSingleOrDefaultAsync<ClientRow>().ConfigureAwait(false);
                var exists = await results.ReadSingleAsync<long>().ConfigureAwait(false) > 0;
                var sites = (await results.ReadAsync<SiteRow>().ConfigureAwait(false)).ToList();
                return new CycleFacts(client, exists, sites);
            },
            cancellationToken);

    public Task<IReadOnlyList<ClientRow>> ListClientsAsync(ClientFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new StringBuilder("SELECT c.* FROM clients c");
        sql.Append(filter.Site is null ? " WHERE 1 = 1" : " JOIN client_sites s ON s.client = c.id WHERE s.site = @Site");
        if (filter.Version is not null)
        {
            sql.Append(filter.Version == "none" ? " AND c.installed IS NULL" : " AND c.installed = @Version");
        }

        sql.Append(filter.Outcome is null ? "" : " AND c.last_outcome = @Outcome");
        sql.Append(filter.SeenAfter is null ? "" : " AND c.last_seen >= @SeenAfter");
        sql.Append(filter.SeenBefore is null ? "" : " AND (c.last_seen IS NULL OR c.last_seen < @SeenBefore)");
        sql.Append(filter.After is null ? "" : " AND c.id > @After");
        sql.Append(" ORDER BY c.id LIMIT @Limit");
        return ReadAsync<IReadOnlyList<ClientRow>>(
            async c => [.. await c.QueryAsync<ClientRow>(new CommandDefinition(sql.ToString(), filter, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    public Task<IReadOnlyList<DecisionRow>> ListDecisionsAsync(string clientId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DecisionRow>>(
            async c => [.. await c.QueryAsync<DecisionRow>(
                new CommandDefinition("SELECT * FROM decisions WHERE client = @clientId ORDER BY id", new { clientId }, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);

    public async Task<(StoreResult Result, long DecisionId)> SaveDecisionAsync(DecisionWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        long id = 0;
        var result = await WriteAsync(
            async (c, t) =>
            {
                if (write.Decision is { } decision)
                {
                    id = await c.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO decisions (client, computer, at, last_at, repeats, cause, via, outcome, kind, version_before, version_after, sites_before, sites_after, reason)
                    VALUES (@Client, @Computer, @At, @LastAt, 0, @Cause, @Via, @Outcome, @Kind, @VersionBefore, @VersionAfter, @SitesBefore, @SitesAfter, @Reason)
                    RETURNING id
                    """,
                        decision,
                        t).ConfigureAwait(false);
                }

                if (write.Client is not { } client)
                {
                    return StoreResult.Ok;
                }

                var row = write.Decision is null ? client : client with { LastDecision = id };
                if (write.IsNew)
                {
                    await c.ExecuteAsync(
                        """
                        INSERT INTO clients (id, name, secret_hash, installed, sites, addresses, travel, last_outcome, last_decision, last_decision_key, last_seen, enrolled_at,
                                             upgrade_version, upgrade_succeeded, upgrade_message, upgrade_at, revision)
                        VALUES (@Id, @Name, @SecretHash, @Installed, @Sites, @Addresses, @Travel, @LastOutcome, @LastDecision, @LastDecisionKey, @LastSeen, @EnrolledAt,
                                @UpgradeVersion, @UpgradeSucceeded, @UpgradeMessage, @UpgradeAt, 1)
                        """,
                        row,
                        t).ConfigureAwait(false);
                }
                else
                {
                    var updated = await c.ExecuteAsync(
                        """
                        UPDATE clients SET name = @Name, secret_hash = @SecretHash, installed = @Installed, sites = @Sites, addresses = @Addresses, travel = @Travel,
                               last_outcome = @LastOutcome, last_decision = @LastDecision, last_decision_key = @LastDecisionKey, last_seen = @LastSeen,
                               upgrade_version = @UpgradeVersion, upgrade_succeeded = @UpgradeSucceeded, upgrade_message = @UpgradeMessage, upgrade_at = @UpgradeAt,
                               revision = revision + 1
                        WHERE id = @Id AND revision = @Expected
                        """,
                        new
                        {
                            row.Id, row.Name, row.SecretHash, row.Installed, row.Sites, row.Addresses, row.Travel, row.LastOutcome, row.LastDecision, row.LastDecisionKey,
                            row.LastSeen, row.UpgradeVersion, row.UpgradeSucceeded, row.UpgradeMessage, row.UpgradeAt, Expected = write.ExpectedRevision,
                        },
                        t).ConfigureAwait(false);
                    if (updated == 0)
                    {
                        return new StoreResult(StoreStatus.RevisionMismatch);
                    }

                    await c.ExecuteAsync("DELETE FROM client_sites WHERE client = @Id", row, t).ConfigureAwait(false);
                }

                var sites = row.Sites.Length == 0 ? [] : row.Sites.Split(',');
                await c.ExecuteAsync("INSERT INTO client_sites (client, site) VALUES (@client, @site)", sites.Select(site => new { client = row.Id, site }), t).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        if (cache is not null && write.Client is { } written)
        {
            if (result.Succeeded)
            {
                // What the transaction committed: a new row is revision 1, an update raised it by one.
                cache.PutClient(written with { LastDecision = write.Decision is null ? written.LastDecision : id, Revision = write.IsNew ? 1 : write.ExpectedRevision + 1 });
            }
            else
            {
                cache.ForgetClient(written.Id);
            }
        }

        return (result, result.Succeeded ? id : 0);
    }

    public async Task RecordHeartbeatsAsync(IReadOnlyList<Heartbeat> heartbeats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heartbeats);
        await WriteAsync(
            async (c, t) =>
            {
                await c.ExecuteAsync(
                    "UPDATE clients SET last_seen = @At WHERE id = @Client AND (last_seen IS NULL OR last_seen < @At)",
                    heartbeats,
                    t).ConfigureAwait(false);
                await c.ExecuteAsync(
                    "UPDATE decisions SET repeats = repeats + 1, last_at = @At WHERE id = @Decision AND last_at < @At",
                    heartbeats.Where(h => h.Decision is not null),
                    t).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<FleetRow>> FleetAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<FleetRow>>(
            async c => [.. await c.QueryAsync<FleetRow>(new CommandDefinition(
                """
                SELECT s.site AS site, c.installed AS installed, COUNT(*) AS clients FROM client_sites s JOIN clients c ON c.id = s.client GROUP BY s.site, c.installed
                UNION ALL
                SELECT '' AS site, c.installed AS installed, COUNT(*) AS clients FROM clients c GROUP BY c.installed
                UNION ALL
                SELECT '-' AS site, NULL AS installed, COUNT(*) AS clients FROM clients c WHERE c.sites = ''
                """,
                cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
}
