using System.Security.Cryptography;
using System.Text;

namespace Steward.Server.Security;

/// <summary>
/// Random secrets and their stored form. Secrets are 32 random bytes, so a plain SHA-256 is enough to
/// keep the database from holding anything usable (a slow password hash protects guessable secrets,
/// which these are not, and would cost every maintenance cycle milliseconds).
/// </summary>
internal static class Secrets
{
    /// <summary>A new secret: a prefix saying what it is for, then 32 random bytes in base64url.</summary>
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form: SHA-256, lower-case hex.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>True when the secret hashes to the stored hash (compared in constant time).</summary>
    /// <remarks>Runs on every maintenance cycle, so it works on the stack: no string or array is made.</remarks>
    public static bool Matches(string secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(storedHash);
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(storedHash, stored, out _, out var written) != System.Buffers.OperationStatus.Done || written != stored.Length)
        {
            return false;
        }

        const int StackLimit = 256;
        var length = Encoding.UTF8.GetByteCount(secret);
        var bytes = length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(secret, bytes)], hash);
        return CryptographicOperations.FixedTimeEquals(hash, stored);
    }
}
