using System.Data.Common;
using Dapper;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Server.Rollouts;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Rollouts: start, the administrator's verbs, reads (decision 0018).</summary>
internal sealed partial class SqlStore : IRolloutStore
{
    /// <summary>The states in which a rollout decides what its site serves, as SQL.</summary>
    internal const string ActiveStates = "('pilot', 'spreading', 'halted')";

    /// <summary>The actor of the audit rows of what a rollout does by itself (a halt, a spread, a completion).</summary>
    internal const string ServerActor = "steward";

    /// <summary>True when halts and completions are written for the webhook (a URL is set).</summary>
    public bool WritesRolloutEvents { get; init; }

    public Task<long> DatabaseNowAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(engine.UnixSecondsNow, cancellationToken: cancellationToken)), cancellationToken);

    public Task<IReadOnlyList<RolloutRow>> ListRolloutsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<RolloutRow>>(
            async c => [.. await c.QueryAsync<RolloutRow>(new CommandDefinition("SELECT * FROM rollouts ORDER BY started DESC, id", cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);

    public Task<RolloutRow?> FindRolloutAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            c => c.QuerySingleOrDefaultAsync<RolloutRow>(new CommandDefinition("SELECT * FROM rollouts WHERE id = @id", new { id }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<ActiveRollout>> ListActiveRolloutsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ActiveRollout>>(
            async c =>
            {
                using var results = await c.QueryMultipleAsync(new CommandDefinition(
                    $"SELECT * FROM rollouts WHERE state IN {ActiveStates} ORDER BY site; "
                    + $"SELECT p.rollout, p.client FROM rollout_pilots p JOIN rollouts r ON r.id = p.rollout WHERE r.state IN {ActiveStates};",
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                var rows = (await results.ReadAsync<RolloutRow>().ConfigureAwait(false)).ToList();
                var pilots = (await results.ReadAsync<(string Rollout, string Client)>().ConfigureAwait(false)).ToLookup(p => p.Rollout, p => p.Client, StringComparer.Ordinal);
                return [.. rows.Select(r =>
                {
                    var pilot = pilots[r.Id].ToHashSet(StringComparer.Ordinal);
                    return new ActiveRollout(r, pilot, RolloutRows.ToPolicy(r, pilot.Count));
                })];
            },
            cancellationToken);

    public Task<IReadOnlyList<string>> ListPilotAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<string>>(
            async c => [.. await c.QueryAsync<string>(new CommandDefinition("SELECT client FROM rollout_pilots WHERE rollout = @id ORDER BY client", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);

    public Task<ILookup<string, string>> ListPilotsAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async c => (await c.QueryAsync<(string Rollout, string Client)>(new CommandDefinition(
                "SELECT rollout, client FROM rollout_pilots ORDER BY rollout, client", cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToLookup(p => p.Rollout, p => p.Client, StringComparer.Ordinal),
            cancellationToken);

    public Task<IReadOnlyList<ClientRow>> FindClientsByIdOrNameAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ClientRow>>([]);
        }

        var ids = keys.ToArray();
        var names = keys.Select(k => k.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        return ReadAsync<IReadOnlyList<ClientRow>>(
            async c => [.. await c.QueryAsync<ClientRow>(new CommandDefinition(
                $"SELECT * FROM clients WHERE {engine.In("id", "@ids")} OR {engine.In("UPPER(name)", "@names")} ORDER BY name, id",
                new { ids, names },
                cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    public async Task<(StoreResult Result, RolloutRow? Row, string Reason)> StartRolloutAsync(RolloutStart start, AuditRow audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        RolloutRow? row = null;
        var reason = "";
        var result = await WriteSitesAsync(
            async (c, t) =>
            {
                // The site's row is locked first: a start and a change of the site's version never interleave.
                var site = await c.QuerySingleOrDefaultAsync<SiteRow>("SELECT * FROM sites WHERE code = @Site" + engine.ForUpdate, start, t).ConfigureAwait(false);
                if (site is null)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                if (await MissingPackageAsync(c, t, start.To).ConfigureAwait(false) is { } missing)
                {
                    return missing;
                }

                var active = await ActiveRolloutOfAsync(c, t, start.Site).ConfigureAwait(false);
                var pilotRunsTarget = start.Pilot.Count > 0 && await CountRunningAsync(c, t, start.Pilot, start.To).ConfigureAwait(false) == start.Pilot.Count;
                var request = new RolloutRequest(start.Id, SiteCode.ParseExact(start.Site), AgentVersion.Parse(start.To), start.Pilot.Count, start.Window, start.HaltFailures, Rate.ParseExact(start.HaltRate));
                var change = RolloutLifecycle.Start(request, AgentVersion.Parse(site.Version), active, pilotRunsTarget, start.Now);
                reason = change.Reason;
                if (!change.Applied)
                {
                    return StoreResult.Refused(new RolloutRefused(change.Reason, active is null ? "version" : "site"));
                }

                row = RolloutRows.New(change.Rollout!, start.StartedBy);
                await c.ExecuteAsync(InsertRollout, row, t).ConfigureAwait(false);
                foreach (var client in start.Pilot)
                {
                    await c.ExecuteAsync("INSERT INTO rollout_pilots (rollout, client) VALUES (@rollout, @client)", new { rollout = row.Id, client }, t).ConfigureAwait(false);
                }

                // The site's downgrade order ends here; the revision moves on, as decisions of clients on its T change.
                if (await EndDowngradeOrdersAsync(c, t, start.Site, start.Now, $"rollout {row.Id} started").ConfigureAwait(false) > 0)
                {
                    await c.ExecuteAsync("UPDATE sites SET revision = revision + 1 WHERE code = @Site", start, t).ConfigureAwait(false);
                }

                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        return (result, result.Succeeded ? row : null, reason);
    }

    public async Task<(StoreResult Result, RolloutRow? Row, string Reason)> ChangeRolloutAsync(string id, string verb, long now, AuditRow audit, CancellationToken cancellationToken)
    {
        RolloutRow? after = null;
        var reason = "";
        var result = await WriteAsync(
            async (c, t) =>
            {
                var before = await c.QuerySingleOrDefaultAsync<RolloutRow>("SELECT * FROM rollouts WHERE id = @id" + engine.ForUpdate, new { id }, t).ConfigureAwait(false);
                if (before is null)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                var rollout = RolloutRows.ToPolicy(before, await PilotCountAsync(c, t, id).ConfigureAwait(false));
                var pilotRunsTarget = verb == RolloutVerbs.Resume && await PilotRunsTargetAsync(c, t, before, null).ConfigureAwait(false);
                var change = RolloutVerbs.Apply(verb, rollout, pilotRunsTarget, now, TimeStyle.Utc);
                reason = change.Reason;
                if (!change.Applied)
                {
                    return StoreResult.Refused(new RolloutRefused(change.Reason, null));
                }

                after = await SaveRolloutAsync(c, t, before, change.Rollout!).ConfigureAwait(false);
                if (after.State == "halted")
                {
                    await InsertEventAsync(c, t, after, "halted", change.Reason, audit.At).ConfigureAwait(false);
                }

                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        return (result, result.Succeeded ? after : null, reason);
    }

    public Task<RolloutProgressFacts?> ReadProgressAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            async c =>
            {
                using var results = await c.QueryMultipleAsync(new CommandDefinition(
                    $"""
                    SELECT * FROM rollouts WHERE id = @id;
                    SELECT client FROM rollout_pilots WHERE rollout = @id ORDER BY client;
                    SELECT c.id, c.name, c.installed,
                           (SELECT a.result FROM attempt_rollouts ar JOIN attempts a ON a.id = ar.attempt
                            WHERE ar.rollout = @id AND a.client = c.id ORDER BY a.opened_at DESC, a.id DESC LIMIT 1) AS last_result
                    FROM clients c
                    WHERE c.id IN (SELECT client FROM client_sites WHERE site = (SELECT site FROM rollouts WHERE id = @id)
                                   UNION SELECT client FROM rollout_pilots WHERE rollout = @id)
                    ORDER BY c.id;
                    SELECT COALESCE(a.message, '') AS message, COUNT(*) AS count
                    FROM attempt_rollouts ar JOIN attempts a ON a.id = ar.attempt
                    WHERE ar.rollout = @id AND a.result IN ('{AttemptResults.Failed}', '{AttemptResults.Expired}')
                    GROUP BY COALESCE(a.message, '') ORDER BY count DESC, message LIMIT {MaxFailureGroups};
                    SELECT COUNT(*) FROM attempt_rollouts ar JOIN attempts a ON a.id = ar.attempt WHERE ar.rollout = @id AND a.result = '{AttemptResults.Open}';
                    """,
                    new { id },
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                var rollout = await results.ReadSingleOrDefaultAsync<RolloutRow>().ConfigureAwait(false);
                var pilot = (await results.ReadAsync<string>().ConfigureAwait(false)).ToList();
                var clients = (await results.ReadAsync<RolloutClientRow>().ConfigureAwait(false)).ToList();
                var failures = (await results.ReadAsync<FailureGroupRow>().ConfigureAwait(false)).ToList();
                var open = await results.ReadSingleAsync<long>().ConfigureAwait(false);
                return rollout is null ? null : new RolloutProgressFacts(rollout, pilot, clients, failures, open) { Rollback = await ReadRollbackAsync(c, id, cancellationToken).ConfigureAwait(false) };
            },
            cancellationToken);

    public Task<RolloutTotals> CountRolloutsAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async c =>
            {
                using var results = await c.QueryMultipleAsync(new CommandDefinition(
                    "SELECT state AS k, COUNT(*) AS n FROM rollouts GROUP BY state; SELECT result AS k, COUNT(*) AS n FROM attempts GROUP BY result;",
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                var rollouts = (await results.ReadAsync<(string K, long N)>().ConfigureAwait(false)).ToDictionary(r => r.K, r => r.N, StringComparer.Ordinal);
                var attempts = (await results.ReadAsync<(string K, long N)>().ConfigureAwait(false)).ToDictionary(r => r.K, r => r.N, StringComparer.Ordinal);
                return new RolloutTotals(rollouts, attempts);
            },
            cancellationToken);

    /// <summary>The most failure messages a rollout's progress lists (the most frequent first).</summary>
    internal const int MaxFailureGroups = 50;

    private const string InsertRollout =
        """
        INSERT INTO rollouts (id, site, from_version, to_version, state, halted_in, window_seconds, halt_failures, halt_rate, started, spread_start,
                              halted_at, ended_at, successes, failures, halt_reason, started_by, revision)
        VALUES (@Id, @Site, @FromVersion, @ToVersion, @State, @HaltedIn, @WindowSeconds, @HaltFailures, @HaltRate, @Started, @SpreadStart,
                @HaltedAt, @EndedAt, @Successes, @Failures, @HaltReason, @StartedBy, @Revision)
        """;

    /// <summary>Writes a rollout's new state over the row it was decided from (locked by the caller).</summary>
    private static async Task<RolloutRow> SaveRolloutAsync(DbConnection c, DbTransaction t, RolloutRow before, Rollout rollout)
    {
        var after = RolloutRows.FromPolicy(rollout, before);
        var updated = await c.ExecuteAsync(
            """
            UPDATE rollouts SET state = @State, halted_in = @HaltedIn, spread_start = @SpreadStart, halted_at = @HaltedAt, ended_at = @EndedAt,
                                successes = @Successes, failures = @Failures, halt_reason = @HaltReason, revision = @Revision
            WHERE id = @Id AND revision = @Revision - 1
            """,
            after,
            t).ConfigureAwait(false);

        // The row was read under the transaction's lock, so another writer cannot have moved it on.
        return updated == 1 ? after : throw new InvalidOperationException($"Rollout {before.Id} changed under its lock.");
    }

    private async Task<Rollout?> ActiveRolloutOfAsync(DbConnection c, DbTransaction t, string site)
    {
        var row = await c.QuerySingleOrDefaultAsync<RolloutRow>($"SELECT * FROM rollouts WHERE site = @site AND state IN {ActiveStates}" + engine.ForUpdate, new { site }, t).ConfigureAwait(false);
        return row is null ? null : RolloutRows.ToPolicy(row, await PilotCountAsync(c, t, row.Id).ConfigureAwait(false));
    }

    private static async Task<int> PilotCountAsync(DbConnection c, DbTransaction? t, string rollout) =>
        (int)await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rollout_pilots WHERE rollout = @rollout", new { rollout }, t).ConfigureAwait(false);

    private async Task<long> CountRunningAsync(DbConnection c, DbTransaction t, IReadOnlyList<string> clients, string version) =>
        await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM clients WHERE {engine.In("id", "@ids")} AND installed = @version", new { ids = clients.ToArray(), version }, t).ConfigureAwait(false);

    /// <summary>
    /// True when every pilot client of the rollout runs exactly T; <paramref name="succeeded"/>, a client whose
    /// upgrade to T has just been reported succeeded, counts as running it.
    /// </summary>
    private static async Task<bool> PilotRunsTargetAsync(DbConnection c, DbTransaction? t, RolloutRow rollout, string? succeeded) =>
        await c.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM rollout_pilots p LEFT JOIN clients c ON c.id = p.client
            WHERE p.rollout = @Id AND (@succeeded IS NULL OR p.client <> @succeeded) AND (c.installed IS NULL OR c.installed <> @ToVersion)
            """,
            new { rollout.Id, rollout.ToVersion, succeeded },
            t).ConfigureAwait(false) == 0;

    private static async Task InsertServerAuditAsync(DbConnection c, DbTransaction t, string action, RolloutRow rollout, string reason, long nowMs) =>
        await InsertAuditAsync(c, t, new AuditRow { At = nowMs, Actor = ServerActor, Action = action, Target = rollout.Id, Details = $"{{\"reason\":\"{System.Text.Json.JsonEncodedText.Encode(reason)}\"}}" }).ConfigureAwait(false);

    private async Task InsertEventAsync(DbConnection c, DbTransaction t, RolloutRow rollout, string kind, string reason, long nowMs)
    {
        if (!WritesRolloutEvents)
        {
            return;
        }

        await c.ExecuteAsync(
            "INSERT INTO rollout_events (rollout, kind, body, created_at, tries, next_at) VALUES (@rollout, @kind, @body, @nowMs, 0, @nowMs)",
            new { rollout = rollout.Id, kind, body = RolloutNotices.Body(kind, rollout, reason, nowMs), nowMs },
            t).ConfigureAwait(false);
    }
}
