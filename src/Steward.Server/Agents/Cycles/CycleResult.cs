using Steward.Policy.Decisions;
using Steward.Policy.Versions;
using Steward.Protocol.Agent;
using Steward.Server.Http;
using Steward.Server.Rollouts;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// How a maintenance cycle ended, as a value: only the access point's endpoint turns it into HTTP, so the
/// deciding code knows nothing of status codes and a test can read the result itself.
/// </summary>
internal abstract record CycleResult
{
    private CycleResult()
    {
    }

    /// <summary>Decided now and recorded; <paramref name="Repeat"/> when it repeated the client's last decision and changed nothing.</summary>
    /// <param name="Response">The answer.</param>
    /// <param name="Outcome">The decision's outcome.</param>
    /// <param name="DecidedFrom">The client and site rows the decision was made from.</param>
    /// <param name="ActiveKey">The number of the server's active signing key when it was made.</param>
    /// <param name="Repeat">True when it was counted as a repeat.</param>
    public sealed record Decided(CycleResponse Response, Outcome Outcome, CycleFacts DecidedFrom, long ActiveKey, bool Repeat) : CycleResult
    {
        /// <summary>The active rollouts it was decided with (a kept answer's key holds their gates).</summary>
        public RolloutMoment Rollouts { get; init; } = RolloutMoment.None;
    }

    /// <summary>Answered from a kept repeat (decision 0010): the same answer, serialized once.</summary>
    public sealed record Kept(JsonAnswer<CycleResponse> Answer, Outcome Outcome) : CycleResult;

    /// <summary>An upgrade report, recorded (<c>POST /v1/access/{site}/report</c>).</summary>
    public sealed record Reported : CycleResult
    {
        public static Reported Instance { get; } = new();
    }

    /// <summary>
    /// A report named an attempt that is not an open attempt of this client (unknown, another client's, or reported
    /// already): counted nowhere. The three are answered alike, so that a report cannot probe for ids.
    /// </summary>
    public sealed record AttemptRefused(string Attempt) : CycleResult;

    /// <summary>The client's row is gone, or its secret changed since the request was authenticated.</summary>
    public sealed record Unauthenticated : CycleResult
    {
        public static Unauthenticated Instance { get; } = new();
    }

    /// <summary>The access point's site does not exist.</summary>
    public sealed record NoSuchSite(string Via) : CycleResult;

    /// <summary>The decision delivers a version no package of which is published.</summary>
    public sealed record NoPackage(AgentVersion Version) : CycleResult;

    /// <summary>The client's row changed under every attempt (<see cref="Decisions.RetryOnChange"/>).</summary>
    public sealed record ClientKeptChanging : CycleResult
    {
        public static ClientKeptChanging Instance { get; } = new();
    }
}
