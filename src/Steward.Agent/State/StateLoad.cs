namespace Steward.Agent.State;

/// <summary>What reading <c>state.json</c> found: the state, or why there is none.</summary>
/// <param name="State">The state (empty when missing or corrupt).</param>
/// <param name="Problem">Null when the file was read; otherwise what is wrong, for people.</param>
/// <param name="Missing">True when there is no file at all (a computer not enrolled yet).</param>
internal sealed record StateLoad(AgentState State, string? Problem, bool Missing)
{
    /// <summary>True when the file was there and valid.</summary>
    public bool Ok => Problem is null;
}
