using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Steward.Protocol.Signing;

/// <summary>
/// The random value an agent sends with each cycle and logon request, that the server signs into any
/// offer it answers with: 16 to 64 random bytes, base64url without padding.
/// </summary>
public static class Nonce
{
    /// <summary>How many random bytes an agent sends.</summary>
    public const int Bytes = 16;

    /// <summary>The fewest random bytes a server accepts.</summary>
    public const int MinBytes = 16;

    /// <summary>The most random bytes a server accepts.</summary>
    public const int MaxBytes = 64;

    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new random value.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>True for base64url (no padding) of <see cref="MinBytes"/> to <see cref="MaxBytes"/> bytes.</summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length < Base64Url.GetEncodedLength(MinBytes) || text.Length > Base64Url.GetEncodedLength(MaxBytes)
            || text.AsSpan().IndexOfAnyExcept(Alphabet) >= 0)
        {
            return false;
        }

        return Base64Url.IsValid(text.AsSpan());
    }
}
