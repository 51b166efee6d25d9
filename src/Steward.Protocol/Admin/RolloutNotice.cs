namespace Steward.Protocol.Admin;

/// <summary>
/// The webhook's body when a rollout halts or completes, signed by the server (header
/// <c>Steward-Signature: sha256=&lt;hex HMAC-SHA256 of the body with the webhook secret&gt;</c>).
/// </summary>
/// <param name="Event"><c>halted</c> or <c>completed</c>.</param>
/// <param name="Rollout">The rollout's id.</param>
/// <param name="Site">Its site.</param>
/// <param name="From">The version F.</param>
/// <param name="To">The version T.</param>
/// <param name="State">The rollout's state after the event.</param>
/// <param name="Reason">What happened and why, in words.</param>
/// <param name="Successes">Upgrades to T that succeeded so far.</param>
/// <param name="Failures">Upgrades to T that failed so far.</param>
/// <param name="At">When it happened.</param>
public sealed record RolloutNotice(string Event, string Rollout, string Site, string From, string To, string State, string Reason, long Successes, long Failures, DateTimeOffset At);
