using System.Security.Cryptography;
using System.Text.Json;
using Steward.Protocol;
using Steward.Protocol.Packages;

namespace Steward.Packaging.Signatures;

/// <summary>
/// Signs and checks <see cref="SignedManifest"/> documents: ECDSA P-256 with SHA-256 (TUF's
/// <c>ecdsa-sha2-nistp256</c>), signature in IEEE P1363 form. The signature covers the exact bytes sent,
/// so nothing depends on how JSON is re-serialized.
/// </summary>
public static class ManifestSignature
{
    /// <summary>The manifest as the bytes to sign.</summary>
    public static byte[] Serialize(SignedManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, ProtocolJson.Default.SignedManifest);

    /// <summary>Signs manifest bytes with the server's private key.</summary>
    public static byte[] Sign(ECDsa key, ReadOnlySpan<byte> manifest)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignData(manifest, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>
    /// Checks the signature of base64 manifest bytes with a pinned public key (SubjectPublicKeyInfo,
    /// base64) and returns the manifest; throws <see cref="PackageException"/> when anything is wrong.
    /// </summary>
    public static SignedManifest Verify(string publicKey, string manifestBase64, string signatureBase64)
    {
        byte[] bytes, signature;
        try
        {
            bytes = Convert.FromBase64String(manifestBase64);
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException e)
        {
            throw new PackageException("The package's manifest or signature is not valid base64; refused.", e);
        }

        using var ecdsa = PublicKeys.Import(publicKey);

        if (!ecdsa.VerifyData(bytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            throw new PackageException("The package manifest's signature does not verify with the server key pinned at enrollment; refused.");
        }

        SignedManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, ProtocolJson.Default.SignedManifest);
        }
        catch (JsonException e)
        {
            throw new PackageException("The signed manifest is not valid JSON; refused.", e);
        }

        // Signed by the server, yet still read as input: a manifest without these would fail later, less clearly.
        if (manifest is null || manifest.Version is null || manifest.Sha256 is null || manifest.EntryPoint is null || manifest.Size < 0)
        {
            throw new PackageException("The signed manifest lacks its version, size, SHA-256 or entry point; refused.");
        }

        return manifest;
    }

    /// <summary>The public key as SubjectPublicKeyInfo, base64: what agents pin.</summary>
    public static string PublicKey(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }
}
