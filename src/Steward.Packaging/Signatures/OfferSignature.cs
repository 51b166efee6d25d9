using System.Security.Cryptography;
using Steward.Protocol;
using Steward.Protocol.Signing;

namespace Steward.Packaging.Signatures;

/// <summary>Signs and checks <see cref="SignedOffer"/> documents (see <see cref="DomainSignature"/>).</summary>
public static class OfferSignature
{
    /// <summary>The line the signed bytes start with.</summary>
    public const string Domain = "steward signed offer 1";

    /// <summary>The offer document and its signature, both base64.</summary>
    public static (string Offer, string Signature) Sign(ECDsa key, SignedOffer offer) =>
        DomainSignature.Sign(key, Domain, offer, ProtocolJson.Default.SignedOffer);

    /// <summary>The offer, when its signature verifies with <paramref name="publicKey"/>; throws <see cref="PackageException"/> otherwise.</summary>
    public static SignedOffer Verify(string publicKey, string? offerBase64, string? signatureBase64) =>
        DomainSignature.Verify(publicKey, Domain, offerBase64, signatureBase64, ProtocolJson.Default.SignedOffer, "package offer");

    /// <summary>The SHA-256 of a base64 manifest's bytes, lower-case hex, as a signed offer names it.</summary>
    public static string ManifestHash(string manifestBase64) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(manifestBase64)));
}
