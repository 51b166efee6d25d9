namespace Steward.Protocol.Agent;

/// <summary>A package to install, with the server's signature over its manifest.</summary>
/// <param name="Version">The agent version.</param>
/// <param name="Sha256">The archive's SHA-256, lower-case hex.</param>
/// <param name="Size">The archive's size in bytes.</param>
/// <param name="Url">Where to download it (relative to the server).</param>
/// <param name="Manifest">The signed manifest (<see cref="Packages.SignedManifest"/> as UTF-8 JSON), base64.</param>
/// <param name="Signature">ECDSA P-256 with SHA-256 over the manifest bytes (IEEE P1363), base64.</param>
/// <param name="Downgrade">True only when an administrator ordered this client's sites back to an older version, and the order is recorded.</param>
public sealed record PackageOffer(string Version, string Sha256, long Size, string Url, string Manifest, string Signature, bool Downgrade = false);
