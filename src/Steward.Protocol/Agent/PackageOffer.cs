namespace Steward.Protocol.Agent;

/// <summary>A package to install, with the server's signature over its manifest.</summary>
/// <param name="Version">The agent version.</param>
/// <param name="Sha256">The archive's SHA-256, lower-case hex.</param>
/// <param name="Size">The archive's size in bytes.</param>
/// <param name="Url">Where to download it (relative to the server).</param>
/// <param name="Manifest">The signed manifest (<see cref="Packages.SignedManifest"/> as UTF-8 JSON), base64.</param>
/// <param name="Signature">ECDSA P-256 with SHA-256 over the manifest bytes (IEEE P1363), base64.</param>
/// <param name="Downgrade">True only when an administrator ordered this client's sites back to an older version, and the order is recorded; an agent believes only the signed offer's.</param>
/// <param name="Offer">The whole offer, signed: <see cref="Signing.SignedOffer"/> as UTF-8 JSON, base64. Null only for a request without a nonce (an agent older than signed offers).</param>
/// <param name="OfferSignature">ECDSA P-256 with SHA-256 (IEEE P1363) by the key the client pins over <c>"steward signed offer 1\n"</c> and the offer's bytes, base64.</param>
/// <param name="Attempt">
/// The id of the upgrade attempt this offer opened (docs/PROTOCOL.md): the agent sends it back in its report, which the
/// server counts once toward the rollouts of the client's sites. Null when the offer counts toward no rollout.
/// </param>
public sealed record PackageOffer(
    string Version, string Sha256, long Size, string Url, string Manifest, string Signature, bool Downgrade = false, string? Offer = null, string? OfferSignature = null,
    string? Attempt = null);
