using System.Security.Cryptography;
using Steward.Packaging.Archives;
using Steward.Packaging.Signatures;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Protocol.Packages;
using Steward.Protocol.Signing;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>Plays the server's part in publishing: builds package archives and signs their manifests with its own key.</summary>
internal sealed class PackageSigner : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The public key agents pin (SPKI, base64).</summary>
    public string PublicKey => ManifestSignature.PublicKey(_key);

    /// <summary>The key's id, as agents send it.</summary>
    public string Fingerprint => KeyFingerprint.Of(PublicKey)!;

    /// <summary>An archive of <paramref name="directory"/> as version <paramref name="version"/>.</summary>
    public static byte[] Archive(string directory, string version, string entryPoint = "steward-agent")
    {
        using var output = new MemoryStream();
        PackageArchive.Build(directory, AgentVersion.Parse(version), entryPoint, output);
        return output.ToArray();
    }

    /// <summary>The offer for <paramref name="archive"/>, its manifest signed by this key.</summary>
    public PackageOffer Offer(byte[] archive, string version, string entryPoint = "steward-agent", bool downgrade = false)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(archive));
        var manifest = ManifestSignature.Serialize(new SignedManifest(1, version, archive.Length, sha, entryPoint, DateTimeOffset.UnixEpoch));
        return new PackageOffer(version, sha, archive.Length, Routes.Content(sha), Convert.ToBase64String(manifest),
            Convert.ToBase64String(ManifestSignature.Sign(_key, manifest)), downgrade);
    }

    /// <summary>
    /// <paramref name="offer"/> signed as a whole for a client, the nonce of its request and the version it runs,
    /// as the server signs it; <paramref name="change"/> alters the signed document first (an attacker with this key).
    /// </summary>
    public PackageOffer Signed(PackageOffer offer, string clientId, string nonce, string? installed, string kind = "significant", Func<SignedOffer, SignedOffer>? change = null)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var signed = new SignedOffer(SignedOffer.CurrentFormat, Fingerprint, clientId, nonce, installed, offer.Version, offer.Size, offer.Sha256, offer.Url, kind,
            offer.Downgrade, OfferSignature.ManifestHash(offer.Manifest));
        var (document, signature) = OfferSignature.Sign(_key, change is null ? signed : change(signed));
        return offer with { Offer = document, OfferSignature = signature };
    }

    /// <summary>
    /// <paramref name="offer"/> signed as the server signs a downgrade (format 2) under <paramref name="order"/>, for a client, the
    /// nonce of its request and the version it runs; <paramref name="change"/> alters the signed document first.
    /// </summary>
    public PackageOffer Downgrade(PackageOffer offer, string clientId, string nonce, string installed, SignedOrder order, Func<SignedOffer, SignedOffer>? change = null)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var signed = new SignedOffer(SignedOffer.DowngradeFormat, Fingerprint, clientId, nonce, installed, offer.Version, offer.Size, offer.Sha256, offer.Url, "hotfix",
            true, OfferSignature.ManifestHash(offer.Manifest), order);
        var (document, signature) = OfferSignature.Sign(_key, change is null ? signed : change(signed));
        return offer with { Downgrade = true, Offer = document, OfferSignature = signature };
    }

    /// <summary><paramref name="newer"/>'s key, endorsed by this one; <paramref name="change"/> alters the endorsement before it is signed.</summary>
    public EndorsedKey Endorse(PackageSigner newer, Func<KeyEndorsement, KeyEndorsement>? change = null)
    {
        ArgumentNullException.ThrowIfNull(newer);
        var endorsement = new KeyEndorsement(KeyEndorsement.CurrentFormat, newer.Fingerprint, newer.PublicKey, Fingerprint, DateTimeOffset.UnixEpoch);
        return KeyEndorsements.Sign(_key, change is null ? endorsement : change(endorsement));
    }

    public void Dispose() => _key.Dispose();
}
