using System.Text.Json.Serialization;

namespace Steward.Protocol.Signing;

/// <summary>
/// What the server signs for one answer that delivers a package: the whole offer, the client it is for,
/// the version that client said it runs, and the random value (<paramref name="Nonce"/>) it sent in that
/// very request. An agent installs only under such an offer, signed by the key it pins, carrying its own
/// client id, the nonce it just sent and the version it runs; so no field can be changed in transit and
/// no offer can be replayed to another request or another client. Format 1 offers an upgrade (or a first
/// install); format 2 a downgrade, and adds the administrator's order it carries out (<paramref name="Order"/>).
/// An agent refuses a format it does not know.
/// </summary>
/// <param name="Format">The format of this document: 1, or 2 for a downgrade.</param>
/// <param name="KeyId">The fingerprint of the key that signed it (<see cref="KeyFingerprint"/>).</param>
/// <param name="ClientId">The client the offer is for.</param>
/// <param name="Nonce">The random value the agent sent in the request this answers.</param>
/// <param name="Installed">The version the agent said it runs in that request, or null (nothing installed).</param>
/// <param name="Version">The offered version.</param>
/// <param name="Size">The archive's size in bytes.</param>
/// <param name="Sha256">The archive's SHA-256, lower-case hex.</param>
/// <param name="Url">Where to download it (relative to the server).</param>
/// <param name="Kind"><c>install</c>, <c>hotfix</c> or <c>significant</c>.</param>
/// <param name="Downgrade">True only for a recorded order to go back to an older version.</param>
/// <param name="ManifestSha256">SHA-256 (lower-case hex) of the exact signed-manifest bytes the offer carries.</param>
/// <param name="Order">Format 2 only: the downgrade order the offer carries out; absent from format 1's bytes.</param>
public sealed record SignedOffer(
    int Format, string KeyId, string ClientId, string Nonce, string? Installed, string Version, long Size, string Sha256, string Url,
    string Kind, bool Downgrade, string ManifestSha256, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SignedOrder? Order = null)
{
    /// <summary>The format of an offer of an upgrade or an install.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The format of an offer of a downgrade under an administrator's order.</summary>
    public const int DowngradeFormat = 2;
}

/// <summary>The downgrade order a format-2 offer carries out: an administrator rolled a rollout of <paramref name="Site"/> back.</summary>
/// <param name="Id">The order's id, as the server records it.</param>
/// <param name="Site">The site whose rollout was rolled back.</param>
/// <param name="From">The version the order takes clients down from (the rollout's new version): the one this client runs.</param>
/// <param name="To">The version it takes this client to: the newest its sites serve (normally the site's version again).</param>
public sealed record SignedOrder(string Id, string Site, string From, string To);
