namespace Steward.Protocol.Admin;

/// <summary>Creates a named administrator token.</summary>
/// <param name="Name">The token's name: what the audit log records as the actor. 1 to 64 letters, digits, '-', '_', '.' or '@'; never reused.</param>
/// <param name="Role">What it may do: <c>viewer</c> (read), <c>operator</c> (also site versions and client settings) or <c>admin</c> (everything).</param>
/// <param name="ExpiresIn">How long it lasts, as a number and a unit (<c>30d</c>, <c>12h</c>, <c>90m</c>); null for a token that does not expire.</param>
public sealed record TokenRequest(string? Name, string? Role, string? ExpiresIn);
