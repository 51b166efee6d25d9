namespace Steward.Agent.Update;

/// <summary>What the agent sent in the request an offer answers: a signed offer must name exactly these.</summary>
/// <param name="ClientId">Its client id (for a new computer: the one the same answer enrolled it with).</param>
/// <param name="Nonce">The random value it sent.</param>
/// <param name="Installed">The version it said it runs, or null.</param>
internal sealed record OfferRequest(string ClientId, string Nonce, string? Installed);
