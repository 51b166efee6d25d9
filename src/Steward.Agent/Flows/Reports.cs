using Steward.Agent.Net;
using Steward.Agent.State;
using Steward.Protocol;
using Steward.Protocol.Agent;

namespace Steward.Agent.Flows;

/// <summary>
/// Sends the result of carrying out a package decision to an access point of the client's sites. When it
/// cannot be sent (no site, network down) it is kept in the state and sent with the next cycle.
/// </summary>
internal static class Reports
{
    /// <summary>Sends the report, or keeps it as pending; returns the state to save.</summary>
    public static async Task<AgentState> SendAsync(AgentSession session, AgentState state, ClientCredentials? credentials, UpgradeReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(state);
        var site = state.Sites.Order(StringComparer.Ordinal).FirstOrDefault(state.AccessPoints.ContainsKey);
        if (credentials is null || site is null)
        {
            return state with { PendingReport = report };
        }

        try
        {
            await session.Connection.PostAsync(
                new Uri(state.AccessPoints[site].TrimEnd('/') + Routes.ReportLeaf),
                report,
                ProtocolJson.Default.UpgradeReport,
                ProtocolJson.Default.UpgradeReport,
                credentials,
                cancellationToken).ConfigureAwait(false);
            return state with { PendingReport = null };
        }
        catch (AgentException e)
        {
            session.Context.Console.Problem($"the upgrade result could not be reported ({e.Message}); it is sent with the next maintenance cycle");
            return state with { PendingReport = report };
        }
    }
}
