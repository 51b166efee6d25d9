using System.Security.Cryptography;
using Steward.Protocol.Agent;
using Steward.Protocol;
using Steward.Protocol.Signing;

namespace Steward.Packaging.Signatures;

/// <summary>Signs and checks <see cref="KeyEndorsement"/> documents (see <see cref="DomainSignature"/>).</summary>
public static class KeyEndorsements
{
    /// <summary>The line the signed bytes start with.</summary>
    public const string Domain = "steward key endorsement 1";

    /// <summary>The endorsement of <paramref name="endorsement"/>'s key, signed by the older key.</summary>
    public static EndorsedKey Sign(ECDsa olderKey, KeyEndorsement endorsement)
    {
        var (document, signature) = DomainSignature.Sign(olderKey, Domain, endorsement, ProtocolJson.Default.KeyEndorsement);
        return new EndorsedKey(document, signature);
    }

    /// <summary>
    /// The new key an agent pinning <paramref name="pinnedKey"/> may adopt: the endorsement verifies with the
    /// pinned key, says so, and names a key whose fingerprint it is. Throws <see cref="PackageException"/> otherwise.
    /// </summary>
    public static KeyEndorsement Verify(string pinnedKey, EndorsedKey endorsed)
    {
        ArgumentNullException.ThrowIfNull(endorsed);
        var endorsement = DomainSignature.Verify(pinnedKey, Domain, endorsed.Endorsement, endorsed.Signature, ProtocolJson.Default.KeyEndorsement, "new server key's endorsement");
        if (endorsement.Format != KeyEndorsement.CurrentFormat)
        {
            throw new PackageException($"The new server key's endorsement is format {endorsement.Format}, which this agent does not know; refused.");
        }

        if (endorsement.EndorsedBy != KeyFingerprint.Of(pinnedKey))
        {
            throw new PackageException("The new server key's endorsement names another key than the pinned one as its signer; refused.");
        }

        if (KeyFingerprint.Of(endorsement.PublicKey) is not { } id || id != endorsement.KeyId)
        {
            throw new PackageException("The new server key's endorsement names a key whose fingerprint is not the one it states; refused.");
        }

        using var check = PublicKeys.Import(endorsement.PublicKey);
        return endorsement;
    }
}
