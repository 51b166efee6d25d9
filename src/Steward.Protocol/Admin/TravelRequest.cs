namespace Steward.Protocol.Admin;

/// <summary>Turns a client's travel mode on or off (the latest change, the administrator's or the agent's, wins).</summary>
/// <param name="Enabled">True to keep the client's sites at its maintenance cycles even where their boundaries do not contain it.</param>
public sealed record TravelRequest(bool? Enabled);
