using System.Data.Common;
using Dapper;
using Steward.Policy.Rollouts;
using Steward.Server.Rollouts;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Upgrade attempts: opened by the maintenance cycle, closed once by a report or by expiry, counted toward the halt rule.</summary>
internal sealed partial class SqlStore
{
    /// <summary>
    /// Opens an attempt inside the caller's transaction (the maintenance cycle's decision write, so that the
    /// offer and its attempt are committed together). It counts toward each active rollout of
    /// <see cref="AttemptOpening.Sites"/> whose T is the target.
    /// </summary>
    private async Task InsertAttemptAsync(DbConnection c, DbTransaction t, AttemptOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var id = opening.Id;
        await c.ExecuteAsync(
            "INSERT INTO attempts (id, client, from_version, to_version, opened_at, result, drops, downgrade_order) VALUES (@id, @Client, @From, @To, @NowMs, @open, @drops, @DowngradeOrder)",
            new { id, opening.Client, opening.From, opening.To, opening.NowMs, open = AttemptResults.Open, drops = RowTypes.Text(new ValueList(opening.Drops)), opening.DowngradeOrder },
            t).ConfigureAwait(false);
        if (opening.Sites.Count == 0)
        {
            return;
        }

        // It counts toward each active rollout of a site the client is still assigned to whose T is the target.
        await c.ExecuteAsync(
            $"""
            INSERT INTO attempt_rollouts (attempt, rollout, pilot)
            SELECT @id, r.id, CASE WHEN EXISTS (SELECT 1 FROM rollout_pilots p WHERE p.rollout = r.id AND p.client = @Client) THEN 1 ELSE 0 END
            FROM rollouts r WHERE r.state IN {ActiveStates} AND r.to_version = @To AND {engine.In("r.site", "@sites")}
            """,
            new { id, opening.Client, opening.To, sites = opening.Sites.ToArray() },
            t).ConfigureAwait(false);
    }

    /// <summary>A new attempt id: a UUID (version 7, ordered by <paramref name="nowMs"/>).</summary>
    internal static string NewAttemptId(long nowMs) => Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(nowMs)).ToString();

    public async Task<AttemptReported> RecordAttemptReportAsync(AttemptReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = AttemptReportStatus.Counted;
        IReadOnlyList<RolloutSettled> changed = [];
        await WriteAsync(
            async (c, t) =>
            {
                var attempt = await c.QuerySingleOrDefaultAsync<AttemptRow>("SELECT * FROM attempts WHERE id = @AttemptId" + engine.ForUpdate, report, t).ConfigureAwait(false);

                // Another client's attempt is answered as an unknown one: a report proves nothing about ids it did not get.
                if (attempt is null || !string.Equals(attempt.Client, report.Client, StringComparison.Ordinal))
                {
                    status = AttemptReportStatus.Unknown;
                    return new StoreResult(StoreStatus.NotFound);
                }

                if (attempt.Result != AttemptResults.Open)
                {
                    status = AttemptReportStatus.AlreadyClosed;
                    return new StoreResult(StoreStatus.Conflict);
                }

                var result = report.Succeeded ? AttemptResults.Succeeded : AttemptResults.Failed;
                if (report.Succeeded)
                {
                    await ApplyUpgradeAsync(c, t, attempt).ConfigureAwait(false);
                }

                changed = await CloseAttemptAsync(c, t, attempt, result, report.Message, report.Now, report.NowMs).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        if (status == AttemptReportStatus.Counted && report.Succeeded)
        {
            cache?.ForgetClient(report.Client);
        }

        return new AttemptReported(status, changed);
    }

    // The success of an attempt, on the client's row in the report's own transaction: until now the server kept
    // its version and sites as they were after the boundary check; the new version runs, and the sites that
    // cannot manage it (as the cycle that offered it found) are dropped.
    private static async Task ApplyUpgradeAsync(DbConnection c, DbTransaction t, AttemptRow attempt)
    {
        var sites = await c.QuerySingleOrDefaultAsync<ValueList>("SELECT sites FROM clients WHERE id = @Client", attempt, t).ConfigureAwait(false) ?? ValueList.Empty;
        var kept = RowTypes.Text(new ValueList(sites.Where(s => !attempt.Drops.Contains(s, StringComparer.Ordinal))));
        await c.ExecuteAsync(
            "UPDATE clients SET installed = @ToVersion, sites = @kept, revision = revision + 1 WHERE id = @Client",
            new { attempt.ToVersion, kept, attempt.Client },
            t).ConfigureAwait(false);
        foreach (var site in attempt.Drops)
        {
            await c.ExecuteAsync("DELETE FROM client_sites WHERE client = @Client AND site = @site", new { attempt.Client, site }, t).ConfigureAwait(false);
        }
    }

    public async Task<(int Expired, IReadOnlyList<RolloutSettled> Halted)> ExpireAttemptsAsync(long openedBefore, string message, long now, long nowMs, int batch, CancellationToken cancellationToken)
    {
        var due = await ReadAsync(
            async c => (await c.QueryAsync<string>(new CommandDefinition(
                "SELECT id FROM attempts WHERE result = @open AND opened_at < @openedBefore ORDER BY opened_at, id LIMIT @batch",
                new { open = AttemptResults.Open, openedBefore, batch },
                cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList(),
            cancellationToken).ConfigureAwait(false);
        var expired = 0;
        var halted = new List<RolloutSettled>();
        foreach (var id in due)
        {
            // One transaction per attempt: each failure is counted, and may halt, on its own.
            await WriteAsync(
                async (c, t) =>
                {
                    var attempt = await c.QuerySingleOrDefaultAsync<AttemptRow>("SELECT * FROM attempts WHERE id = @id" + engine.ForUpdate, new { id }, t).ConfigureAwait(false);
                    if (attempt is null || attempt.Result != AttemptResults.Open)
                    {
                        return new StoreResult(StoreStatus.Conflict);
                    }

                    halted.AddRange(await CloseAttemptAsync(c, t, attempt, AttemptResults.Expired, message, now, nowMs).ConfigureAwait(false));
                    expired++;
                    return StoreResult.Ok;
                },
                cancellationToken).ConfigureAwait(false);
        }

        return (expired, halted);
    }

    // Closes an open attempt (locked by the caller) and counts it toward each active rollout it counts for:
    // a failure is put to the halt rule, and a halt is written here, in the failure's own transaction; a
    // pilot client's success may end the pilot.
    private async Task<IReadOnlyList<RolloutSettled>> CloseAttemptAsync(DbConnection c, DbTransaction t, AttemptRow attempt, string result, string? message, long now, long nowMs)
    {
        await c.ExecuteAsync(
            "UPDATE attempts SET result = @result, reported_at = @nowMs, message = @message WHERE id = @Id",
            new { attempt.Id, result, nowMs, message },
            t).ConfigureAwait(false);
        var failed = result != AttemptResults.Succeeded;
        var links = (await c.QueryAsync<(string Rollout, long Pilot)>(
            "SELECT rollout, pilot FROM attempt_rollouts WHERE attempt = @Id ORDER BY rollout", attempt, t).ConfigureAwait(false)).ToList();
        var changed = new List<RolloutSettled>();
        foreach (var (id, pilot) in links)
        {
            var before = await c.QuerySingleOrDefaultAsync<RolloutRow>(
                $"SELECT * FROM rollouts WHERE id = @id AND state IN {ActiveStates}" + engine.ForUpdate, new { id }, t).ConfigureAwait(false);
            if (before is null)
            {
                continue;
            }

            var rollout = RolloutRows.ToPolicy(before, await PilotCountAsync(c, t, id).ConfigureAwait(false));
            var pilotName = failed && pilot != 0
                ? await c.ExecuteScalarAsync<string>("SELECT name FROM clients WHERE id = @Client", attempt, t).ConfigureAwait(false) ?? attempt.Client
                : null;
            var count = RolloutLifecycle.Count(rollout, failed, pilotName, now);
            var next = count.Rollout!;
            string? reason = count.Applied ? count.Reason : null;
            var action = "rollout.halt";
            if (!failed && next.State == RolloutState.Pilot && RolloutLifecycle.PilotSucceeded(next, await PilotRunsTargetAsync(c, t, before, attempt.Client).ConfigureAwait(false), now, TimeStyle.Utc) is { } spread)
            {
                next = spread.Rollout!;
                reason = spread.Reason;
                action = "rollout.spread";
            }

            var after = await SaveRolloutAsync(c, t, before, next).ConfigureAwait(false);
            if (reason is not null)
            {
                await InsertServerAuditAsync(c, t, action, after, reason, nowMs).ConfigureAwait(false);
                if (count.Applied)
                {
                    await InsertEventAsync(c, t, after, "halted", reason, nowMs).ConfigureAwait(false);
                }

                changed.Add(new RolloutSettled(after, reason));
            }
        }

        return changed;
    }
}
