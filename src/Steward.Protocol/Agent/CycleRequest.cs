namespace Steward.Protocol.Agent;

/// <summary>One maintenance cycle: what the agent reports of itself (client id and secret go in the <c>Authorization</c> header).</summary>
/// <param name="Addresses">Its network addresses now.</param>
/// <param name="Installed">The version it runs.</param>
/// <param name="Sites">The sites it believes it is assigned to (the server's record decides).</param>
/// <param name="LastUpgrade">The result of its last upgrade not yet reported, or null.</param>
/// <param name="Travel">
/// A change of travel mode made at the computer (<c>steward-agent travel on|off</c>) that the server has not
/// acknowledged yet, or null for none: the latest change of either side wins (decision 0014).
/// </param>
public sealed record CycleRequest(IReadOnlyList<string>? Addresses, string? Installed, IReadOnlyList<string>? Sites, UpgradeReport? LastUpgrade, bool? Travel = null);
