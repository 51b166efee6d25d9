namespace Steward.Protocol.Signing;

/// <summary>
/// A new server key, signed by an older one: an agent that pins the older key adopts the new one only
/// under this, checked with the key it pins.
/// </summary>
/// <param name="Format">The format of this document; this is format 1.</param>
/// <param name="KeyId">The new key's fingerprint.</param>
/// <param name="PublicKey">The new public key (SubjectPublicKeyInfo, base64).</param>
/// <param name="EndorsedBy">The fingerprint of the older key that signs this.</param>
/// <param name="CreatedAt">When the new key was made.</param>
public sealed record KeyEndorsement(int Format, string KeyId, string PublicKey, string EndorsedBy, DateTimeOffset CreatedAt)
{
    /// <summary>The format this code writes and reads.</summary>
    public const int CurrentFormat = 1;
}
