using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Policy.Rollouts;

/// <summary>
/// The hash that places clients in a rollout and a scenario's random facts: <c>h(text)</c> is the
/// first 8 bytes of SHA-256 of the UTF-8 text as a big-endian unsigned integer n, read as n / 2^64.
/// Only n is ever kept; every use of it is exact integer arithmetic.
/// </summary>
public static class RolloutHash
{
    // Keys and names are short; a longer text is hashed from the heap.
    private const int StackBytes = 512;

    /// <summary>n of <c>h(text)</c>.</summary>
    public static ulong Of(ReadOnlySpan<char> text) => Of(text, [], []);

    /// <summary>n of <c>h(id + "/" + key)</c>: a client's place in a rollout.</summary>
    public static ulong OfClient(string rolloutId, ReadOnlySpan<char> key)
    {
        ArgumentNullException.ThrowIfNull(rolloutId);
        return Of(rolloutId, "/", key);
    }

    /// <summary>n of <c>h(a + b + c)</c>, without joining the texts (a generated client's name need not exist as a string).</summary>
    public static ulong Of(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c)
    {
        var length = Encoding.UTF8.GetMaxByteCount(a.Length + b.Length + c.Length);
        var bytes = length <= StackBytes ? stackalloc byte[StackBytes] : new byte[length];
        var written = Encoding.UTF8.GetBytes(a, bytes);
        written += Encoding.UTF8.GetBytes(b, bytes[written..]);
        written += Encoding.UTF8.GetBytes(c, bytes[written..]);
        if (written <= ShortSha256.MaxLength)
        {
            return ShortSha256.First8(bytes[..written]);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..written], digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    /// <summary><c>floor(x × n / 2^64)</c> exactly, for x ≥ 0: the whole seconds of a window a hash places a client at.</summary>
    public static long Scale(long x, ulong n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        return (long)(((UInt128)(ulong)x * n) >> 64);
    }
}
