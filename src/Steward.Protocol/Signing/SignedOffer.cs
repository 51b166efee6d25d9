namespace Steward.Protocol.Signing;

/// <summary>
/// What the server signs for one answer that delivers a package: the whole offer, the client it is for,
/// the version that client said it runs, and the random value (<paramref name="Nonce"/>) it sent in that
/// very request. An agent installs only under such an offer, signed by the key it pins, carrying its own
/// client id, the nonce it just sent and the version it runs; so no field can be changed in transit and
/// no offer can be replayed to another request or another client. Later formats add fields (a downgrade
/// order's); an agent refuses a format it does not know.
/// </summary>
/// <param name="Format">The format of this document; this is format 1.</param>
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
public sealed record SignedOffer(
    int Format, string KeyId, string ClientId, string Nonce, string? Installed, string Version, long Size, string Sha256, string Url,
    string Kind, bool Downgrade, string ManifestSha256)
{
    /// <summary>The format this code writes and reads.</summary>
    public const int CurrentFormat = 1;
}
