namespace Steward.Protocol.Admin;

/// <summary>The body of <c>POST /v1/rollouts/{id}/rollback</c>, which may also be left out.</summary>
/// <param name="Reason">Why, in words: recorded with the downgrade order and its audit row.</param>
public sealed record RollbackRequest(string? Reason);
