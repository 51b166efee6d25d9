namespace Steward.Protocol.Admin;

/// <summary>One attempt of <c>steward push</c> at one host, for the server's audit log.</summary>
/// <param name="Host">The host as the administrator named it (a name or an address).</param>
/// <param name="Result">How it ended: one of <see cref="PushResults.All"/>.</param>
/// <param name="Detail">What happened, in words (the agent's reason, the SSH error).</param>
/// <param name="LogonPoint">The logon point the agent was installed against.</param>
/// <param name="Version">The agent version copied, or null when nothing was copied.</param>
public sealed record PushAttempt(string? Host, string? Result, string? Detail, string? LogonPoint, string? Version);
