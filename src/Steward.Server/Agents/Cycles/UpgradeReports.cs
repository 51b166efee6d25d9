using Steward.Server.Decisions;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// Records what an agent reports of carrying out a decision, outside a cycle; the installed version follows
/// what it runs. The site in the path is checked as the cycle checks it: an access point of no site takes no report.
/// </summary>
internal sealed class UpgradeReports(IStewardStore store, TimeProvider time)
{
    public async Task<CycleResult> RecordAsync(AuthenticatedClient caller, string via, UpgradeReportInput report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(report);
        return await RetryOnChange.RunAsync<CycleResult>(
            async attempt =>
            {
                var client = attempt == 0 ? caller.Client : await store.FindClientAsync(caller.Client.Id, cancellationToken).ConfigureAwait(false);
                if (client is null || !caller.SameSecret(client))
                {
                    return CycleResult.Unauthenticated.Instance;
                }

                if (await store.FindSiteAsync(via, cancellationToken).ConfigureAwait(false) is null)
                {
                    return new CycleResult.NoSuchSite(via);
                }

                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                var after = report.ApplyTo(client, now) with { LastSeen = now };
                var (result, _) = await store.SaveDecisionAsync(new DecisionWrite(null, after, IsNew: false, client.Revision), cancellationToken).ConfigureAwait(false);
                return result.Succeeded ? CycleResult.Reported.Instance : null;
            },
            CycleResult.ClientKeptChanging.Instance).ConfigureAwait(false);
    }
}
