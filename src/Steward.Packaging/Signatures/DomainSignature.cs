using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Steward.Packaging.Signatures;

/// <summary>
/// ECDSA P-256 with SHA-256 (IEEE P1363) over a document's exact JSON bytes, prefixed by a line that names
/// what the document is. The prefix keeps one kind of signed document from ever passing for another
/// (an offer for a key endorsement, either for a package manifest, which is signed without one).
/// </summary>
internal static class DomainSignature
{
    /// <summary>Serializes <paramref name="document"/> and signs it; both base64.</summary>
    public static (string Document, string Signature) Sign<T>(ECDsa key, string domain, T document, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, type);
        var signature = key.SignData(Prefixed(domain, bytes), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return (Convert.ToBase64String(bytes), Convert.ToBase64String(signature));
    }

    /// <summary>
    /// Checks the signature of a base64 document with a public key (SubjectPublicKeyInfo, base64) and
    /// returns the document; throws <see cref="PackageException"/> naming <paramref name="what"/> when anything is wrong.
    /// </summary>
    public static T Verify<T>(string publicKey, string domain, string? documentBase64, string? signatureBase64, JsonTypeInfo<T> type, string what)
    {
        if (documentBase64 is null || signatureBase64 is null)
        {
            throw new PackageException($"The {what} is not signed; refused.");
        }

        byte[] bytes, signature;
        try
        {
            bytes = Convert.FromBase64String(documentBase64);
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException e)
        {
            throw new PackageException($"The {what} or its signature is not valid base64; refused.", e);
        }

        using var ecdsa = PublicKeys.Import(publicKey);
        if (!ecdsa.VerifyData(Prefixed(domain, bytes), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            throw new PackageException($"The {what}'s signature does not verify with the pinned server key; refused.");
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, type) ?? throw new PackageException($"The signed {what} is empty; refused.");
        }
        catch (JsonException e)
        {
            throw new PackageException($"The signed {what} is not valid JSON; refused.", e);
        }
    }

    private static byte[] Prefixed(string domain, byte[] document)
    {
        var prefix = Encoding.ASCII.GetBytes(domain + "\n");
        var all = new byte[prefix.Length + document.Length];
        prefix.CopyTo(all, 0);
        document.CopyTo(all, prefix.Length);
        return all;
    }
}
