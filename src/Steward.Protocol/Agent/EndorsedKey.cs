namespace Steward.Protocol.Agent;

/// <summary>
/// A new server key, endorsed by the key the agent pins: sent with answers until the agent says it pins the new key.
/// </summary>
/// <param name="Endorsement">The <see cref="Signing.KeyEndorsement"/> as UTF-8 JSON, base64.</param>
/// <param name="Signature">ECDSA P-256 with SHA-256 (IEEE P1363) by the pinned key over <c>"steward key endorsement 1\n"</c> and the endorsement's bytes, base64.</param>
public sealed record EndorsedKey(string Endorsement, string Signature);
