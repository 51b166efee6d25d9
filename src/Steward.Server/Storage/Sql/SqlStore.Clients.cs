using System.Data.Common;
using System.Text;
using Dapper;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Clients, their decisions and heartbeats.</summary>
internal sealed partial class SqlStore
{
    // A client's row with the time it was last seen, which lives in its narrow heartbeats row (decision 0009).
    private const string SelectClients = "SELECT c.*, h.seen AS last_seen FROM clients c LEFT JOIN heartbeats h ON h.client = c.id";

    public Task<ClientRow?> FindClientAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            c => c.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition($"{SelectClients} WHERE c.id = @id", new { id }, cancellationToken: cancellationToken)),
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

        var assigned = new List<SiteRow>(client.Sites.Count);
        foreach (var code in client.Sites)
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
                    $"""
                    {SelectClients} WHERE c.id = @clientId;
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

    /// <summary>
    /// The most clients seen before a time (<see cref="ClientFilter.SeenBefore"/>) that a page reads first, by the index
    /// on heartbeats(seen), and then sorts by id; beyond it the page walks the clients in id order instead (see
    /// <see cref="ListClientsAsync"/>). Inactive clients are few by nature: a thousand of a million in the benchmark.
    /// </summary>
    internal const int FewSeenBefore = 10_000;

    public Task<IReadOnlyList<ClientRow>> ListClientsAsync(ClientFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var from = filter.NameStarts?.ToLowerInvariant();
        var parameters = new
        {
            filter.Site, filter.Version, filter.Outcome, filter.SeenAfter, filter.SeenBefore, filter.After, filter.Limit,
            NameFrom = from, NameTo = from + char.MaxValue, Few = FewSeenBefore,
        };
        return ReadAsync<IReadOnlyList<ClientRow>>(
            async c =>
            {
                // The clients seen before a time (the inactive ones) are a range on heartbeats(seen) that no index yields in
                // id order. Walking the clients in id order and looking each one's heartbeat up reads a thousand clients
                // per inactive one when they are few (99.5 ms at a million, bench/console-clients); reading the range
                // first and sorting it reads only them. Which one is cheaper depends on how many there are: a count that
                // stops at FewSeenBefore + 1 tells, from the same index.
                var few = filter.SeenBefore is not null && await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM heartbeats WHERE seen < @SeenBefore LIMIT @Few + 1) r", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) <= FewSeenBefore;
                var sql = ListClientsSql(filter, few);
                return [.. await c.QueryAsync<ClientRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)];
            },
            cancellationToken);
    }

    // With few clients seen before the time, the page starts from their heartbeats rows. Every client has one (written
    // with the client, in one transaction, and deleted with it), so that is every such client, as the inactive
    // clients' count (CountSeenBeforeAsync) has it; the walk in id order keeps its guard for a client without one.
    private string ListClientsSql(ClientFilter filter, bool fewSeenBefore)
    {
        var sql = new StringBuilder();

        // MATERIALIZED keeps either engine from folding the range back into the join and walking the clients instead.
        sql.Append(fewSeenBefore
            ? $"""
              WITH seen_before AS MATERIALIZED (SELECT client, seen FROM heartbeats WHERE seen < @SeenBefore{(filter.After is null ? "" : " AND client > @After")})
              SELECT c.*, h.seen AS last_seen FROM seen_before h JOIN clients c ON c.id = h.client
              """
            : SelectClients);
        sql.Append(filter.Site is null ? " WHERE 1 = 1" : " JOIN client_sites s ON s.client = c.id WHERE s.site = @Site");
        if (filter.Version is not null)
        {
            sql.Append(filter.Version == "none" ? " AND c.installed IS NULL" : " AND c.installed = @Version");
        }

        sql.Append(filter.Outcome is null ? "" : " AND c.last_outcome = @Outcome");
        sql.Append(filter.SeenAfter is null ? "" : " AND h.seen >= @SeenAfter");
        sql.Append(filter.SeenBefore is null || fewSeenBefore ? "" : " AND (h.seen IS NULL OR h.seen < @SeenBefore)");
        sql.Append(HealthCondition(filter.Health));

        // With a site, the order and the keyset are client_sites' own column (the same id): its index (site, client)
        // then yields the site's clients in order, where ordering by c.id made SQLite sort a quarter of a million
        // clients (3.6 s at a million, bench/console-clients).
        var order = filter.Site is null ? "c.id" : "s.client";
        sql.Append(filter.After is null ? "" : $" AND {order} > @After");

        // A range on lower(name) by code point, not LIKE: both engines use the index of migration 0008 for it, whatever the collation.
        sql.Append(filter.NameStarts is null ? "" : $" AND lower(c.name){engine.Binary} >= @NameFrom AND lower(c.name){engine.Binary} < @NameTo");
        sql.Append($" ORDER BY {order} LIMIT @Limit");
        return sql.ToString();
    }

    // The client's last decision also counts the repeats its heartbeats row holds, not yet folded into it.
    public Task<IReadOnlyList<DecisionRow>> ListDecisionsAsync(string clientId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DecisionRow>>(
            async c => [.. await c.QueryAsync<DecisionRow>(
                new CommandDefinition(
                    """
                    SELECT d.id, d.client, d.computer, d.at, d.cause, d.via, d.outcome, d.kind, d.version_before, d.version_after, d.sites_before, d.sites_after, d.reason,
                           d.repeats + CASE WHEN h.decision = d.id THEN h.repeats ELSE 0 END AS repeats,
                           CASE WHEN h.decision = d.id AND h.repeats > 0 THEN h.repeated_at ELSE d.last_at END AS last_at
                    FROM decisions d LEFT JOIN heartbeats h ON h.client = d.client
                    WHERE d.client = @clientId ORDER BY d.id
                    """,
                    new { clientId },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)],
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
                        INSERT INTO clients (id, name, secret_hash, installed, sites, addresses, travel, last_outcome, last_decision, last_decision_key, enrolled_at,
                                             upgrade_version, upgrade_succeeded, upgrade_message, upgrade_at, pinned_key, revision)
                        VALUES (@Id, @Name, @SecretHash, @Installed, @Sites, @Addresses, @Travel, @LastOutcome, @LastDecision, @LastDecisionKey, @EnrolledAt,
                                @UpgradeVersion, @UpgradeSucceeded, @UpgradeMessage, @UpgradeAt, @PinnedKey, 1)
                        """,
                        ClientColumns.Of(row, expected: 0),
                        t).ConfigureAwait(false);
                }
                else
                {
                    var updated = await c.ExecuteAsync(
                        """
                        UPDATE clients SET name = @Name, secret_hash = @SecretHash, installed = @Installed, sites = @Sites, addresses = @Addresses, travel = @Travel,
                               last_outcome = @LastOutcome, last_decision = @LastDecision, last_decision_key = @LastDecisionKey,
                               upgrade_version = @UpgradeVersion, upgrade_succeeded = @UpgradeSucceeded, upgrade_message = @UpgradeMessage, upgrade_at = @UpgradeAt,
                               pinned_key = @PinnedKey, revision = revision + 1
                        WHERE id = @Id AND revision = @Expected
                        """,
                        ClientColumns.Of(row, write.ExpectedRevision),
                        t).ConfigureAwait(false);
                    if (updated == 0)
                    {
                        return new StoreResult(StoreStatus.RevisionMismatch);
                    }

                    await c.ExecuteAsync("DELETE FROM client_sites WHERE client = @Id", row, t).ConfigureAwait(false);
                }

                await c.ExecuteAsync("INSERT INTO client_sites (client, site) VALUES (@client, @site)", row.Sites.Select(site => new { client = row.Id, site }), t).ConfigureAwait(false);
                await SeenAsync(c, t, row).ConfigureAwait(false);
                if (write.Audit is { } audit)
                {
                    await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                }

                if (write.Attempt is { } opening)
                {
                    await InsertAttemptAsync(c, t, opening).ConfigureAwait(false);
                }

                return StoreResult.Ok;
            },
            cancellationToken,
            leavesRollouts: true).ConfigureAwait(false);
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

    // The client was seen now. When its last decision is a new one, the repeats of the one before are
    // folded into that decision's row and the count starts again for the new one.
    private static async Task SeenAsync(DbConnection connection, DbTransaction transaction, ClientRow row)
    {
        var seen = new { row.Id, row.LastDecision, Seen = row.LastSeen ?? row.EnrolledAt };
        await connection.ExecuteAsync(
            """
            UPDATE decisions SET repeats = decisions.repeats + h.repeats, last_at = h.repeated_at
            FROM heartbeats h
            WHERE h.client = @Id AND decisions.id = h.decision AND h.repeats > 0 AND h.decision <> @LastDecision
            """,
            seen,
            transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            INSERT INTO heartbeats (client, decision, repeats, repeated_at, seen) VALUES (@Id, @LastDecision, 0, NULL, @Seen)
            ON CONFLICT (client) DO UPDATE SET
                decision = excluded.decision,
                repeats = CASE WHEN heartbeats.decision = excluded.decision THEN heartbeats.repeats ELSE 0 END,
                repeated_at = CASE WHEN heartbeats.decision = excluded.decision THEN heartbeats.repeated_at ELSE NULL END,
                seen = CASE WHEN heartbeats.seen > excluded.seen THEN heartbeats.seen ELSE excluded.seen END
            """,
            seen,
            transaction).ConfigureAwait(false);
    }

    public async Task RecordHeartbeatsAsync(IReadOnlyList<HeartbeatTotal> totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);

        // An empty list is still a write transaction: the heartbeat queue sends one to see whether writing works again.
        await WriteAsync(
            async (c, t) =>
            {
                await engine.WriteHeartbeatsAsync(c, t, totals, cancellationToken).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken,
            leavesRollouts: true).ConfigureAwait(false);
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

    // A client row as its columns hold it: the lists as text, the flags as 0 and 1, the versions as text.
    private sealed record ClientColumns(
        string Id, string Name, string SecretHash, string? Installed, string Sites, string Addresses, long Travel, string? LastOutcome, long? LastDecision,
        string? LastDecisionKey, long EnrolledAt, string? UpgradeVersion, long? UpgradeSucceeded, string? UpgradeMessage, long? UpgradeAt, long PinnedKey, long Expected)
    {
        public static ClientColumns Of(ClientRow row, long expected) => new(
            row.Id, row.Name, row.SecretHash, row.Installed?.ToString(), RowTypes.Text(row.Sites), RowTypes.Text(row.Addresses), RowTypes.Flag(row.Travel), row.LastOutcome,
            row.LastDecision, row.LastDecisionKey, row.EnrolledAt, row.UpgradeVersion?.ToString(), row.UpgradeSucceeded is { } succeeded ? RowTypes.Flag(succeeded) : null,
            row.UpgradeMessage, row.UpgradeAt, row.PinnedKey, expected);
    }

    public Task<long> CountSeenBeforeAsync(long before, CancellationToken cancellationToken) =>
        ReadAsync(
            c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM heartbeats WHERE seen < @before", new { before }, cancellationToken: cancellationToken)),
            cancellationToken);
}
