namespace Steward.Agent.State;

/// <summary>One thing the agent did, with the server's words or its own.</summary>
/// <param name="At">When it finished.</param>
/// <param name="Action"><c>logon</c>, <c>install</c>, <c>cycle</c> or <c>update</c>.</param>
/// <param name="Outcome">The outcome word (docs/RULES.md section 5), or <c>Failed</c> when the agent could not carry it out.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="VersionAfter">The version installed afterwards.</param>
internal sealed record AgentResult(DateTimeOffset At, string Action, string Outcome, string Reason, string? VersionAfter);
