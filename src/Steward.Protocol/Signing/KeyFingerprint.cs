using System.Buffers;
using System.Security.Cryptography;

namespace Steward.Protocol.Signing;

/// <summary>A server key's id: the SHA-256 of its SubjectPublicKeyInfo bytes, lower-case hex (64 characters).</summary>
public static class KeyFingerprint
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>The length of a fingerprint.</summary>
    public const int Length = 64;

    /// <summary>The fingerprint of a public key (SubjectPublicKeyInfo, base64); null when it is not base64.</summary>
    public static string? Of(string? publicKey)
    {
        if (publicKey is null)
        {
            return null;
        }

        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(publicKey)));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>True for 64 lower-case hex digits.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.AsSpan().IndexOfAnyExcept(HexDigits) < 0;
}
