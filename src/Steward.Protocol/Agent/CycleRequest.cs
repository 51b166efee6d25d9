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
/// <param name="Nonce">A new random value for this request (16 to 64 bytes, base64url): any offer in the answer is signed with it.</param>
/// <param name="PinnedKey">The fingerprint of the server key the agent pins: offers are signed with it, and a newer key comes endorsed by it.</param>
public sealed record CycleRequest(
    IReadOnlyList<string>? Addresses, string? Installed, IReadOnlyList<string>? Sites, UpgradeReport? LastUpgrade, bool? Travel = null, string? Nonce = null,
    string? PinnedKey = null)
{
    /// <summary>The agent's last daily self-check not yet sent, or null (sent once; an older agent never sends one).</summary>
    public HealthReport? Health { get; init; }
}
