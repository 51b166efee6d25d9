using Steward.Server.Decisions;
using Steward.Server.Rollouts;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// Records what an agent reports of carrying out a decision, outside a cycle; the installed version follows
/// what it runs. The site in the path is checked as the cycle checks it: an access point of no site takes no report.
/// A report that names an attempt counts it once toward its rollouts (a failure may halt one, in the same
/// transaction); one that names an attempt that is not an open attempt of this client is refused and counts nowhere.
/// </summary>
internal sealed partial class UpgradeReports(IStewardStore store, IRolloutStore rollouts, IRolloutClock clock, TimeProvider time, ILogger<UpgradeReports> log)
{
    public async Task<CycleResult> RecordAsync(AuthenticatedClient caller, string via, UpgradeReportInput report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(report);
        if (await store.FindSiteAsync(via, cancellationToken).ConfigureAwait(false) is null)
        {
            return new CycleResult.NoSuchSite(via);
        }

        var counted = false;
        if (report.Attempt is { } attemptId)
        {
            if (!caller.SameSecret(caller.Client))
            {
                return CycleResult.Unauthenticated.Instance;
            }

            counted = await CountAsync(caller.Client.Id, report, cancellationToken).ConfigureAwait(false);
            if (!counted)
            {
                return new CycleResult.AttemptRefused(attemptId);
            }
        }

        return await RetryOnChange.RunAsync<CycleResult>(
            async attempt =>
            {
                // A counted success changed the client's row: it is read again.
                var client = attempt == 0 && !counted ? caller.Client : await store.FindClientAsync(caller.Client.Id, cancellationToken).ConfigureAwait(false);
                if (client is null || !caller.SameSecret(client))
                {
                    return CycleResult.Unauthenticated.Instance;
                }

                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                var after = report.ApplyTo(client, now) with { LastSeen = now };
                var (result, _) = await store.SaveDecisionAsync(new DecisionWrite(null, after, IsNew: false, client.Revision), cancellationToken).ConfigureAwait(false);
                return result.Succeeded ? CycleResult.Reported.Instance : null;
            },
            CycleResult.ClientKeptChanging.Instance).ConfigureAwait(false);
    }

    /// <summary>
    /// Counts the report's attempt once toward its rollouts; false when it counts nowhere (unknown, another
    /// client's, or closed already). A success applies the upgrade to the client's row.
    /// </summary>
    public async Task<bool> CountAsync(string clientId, UpgradeReportInput report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = await clock.NowAsync(cancellationToken).ConfigureAwait(false);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var reported = await rollouts.RecordAttemptReportAsync(
            new AttemptReport(report.Attempt!, clientId, report.Succeeded, report.Succeeded ? null : report.Message, now, nowMs), cancellationToken).ConfigureAwait(false);
        foreach (var change in reported.Changed)
        {
            Changed(change.Rollout.Id, change.Rollout.State, change.Reason);
        }

        return reported.Status == AttemptReportStatus.Counted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "rollout {Id} is now {State}: {Reason}")]
    private partial void Changed(string id, string state, string reason);
}
