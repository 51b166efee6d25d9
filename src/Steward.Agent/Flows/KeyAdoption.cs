using Steward.Agent.State;
using Steward.Packaging;
using Steward.Packaging.Signatures;
using Steward.Protocol.Agent;

namespace Steward.Agent.Flows;

/// <summary>
/// Key rotation on the agent's side: a newer server key is adopted only when the answer carries it endorsed
/// by the key the agent pins. Anything else leaves the pinned key as it is.
/// </summary>
internal static class KeyAdoption
{
    /// <summary>The state with the endorsed key pinned, or as it was (saying why on standard error) when the endorsement does not hold.</summary>
    public static AgentState Adopt(AgentSession session, AgentState state, EndorsedKey? newKey)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(state);
        if (newKey is null || state.ServerKey is not { } pinned)
        {
            return state;
        }

        try
        {
            var endorsement = KeyEndorsements.Verify(pinned, newKey);
            session.Context.Console.Progress($"the server's new signing key {endorsement.KeyId} is endorsed by the pinned key {endorsement.EndorsedBy}; it is pinned now");
            return state with { ServerKey = endorsement.PublicKey };
        }
        catch (PackageException e)
        {
            session.Context.Console.Problem($"the server sent a new signing key that is not adopted: {e.Message} The pinned key is kept.");
            return state;
        }
    }
}
