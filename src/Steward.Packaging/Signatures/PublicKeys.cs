using System.Security.Cryptography;

namespace Steward.Packaging.Signatures;

/// <summary>Pinned server keys: SubjectPublicKeyInfo, base64.</summary>
internal static class PublicKeys
{
    /// <summary>The key to verify with; throws <see cref="PackageException"/> when it is not an ECDSA public key.</summary>
    public static ECDsa Import(string publicKey)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(publicKey);
        }
        catch (FormatException e)
        {
            throw new PackageException("The pinned server key is not valid base64; refused.", e);
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(key, out _);
            return ecdsa;
        }
        catch (CryptographicException e)
        {
            ecdsa.Dispose();
            throw new PackageException("The pinned server key is not an ECDSA public key; refused.", e);
        }
    }
}
