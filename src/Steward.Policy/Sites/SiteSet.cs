using System.Numerics;
using System.Runtime.CompilerServices;

namespace Steward.Policy.Sites;

/// <summary>
/// A set of sites, as bits over the indices of a <see cref="SiteTable"/> (at most
/// <see cref="Capacity"/> sites). A value type of 32 bytes: a decision computes sets without allocating.
/// </summary>
/// <remarks>
/// A set means nothing without the table it indexes; render it with <see cref="SiteTable.Format"/>.
/// Iterating yields indices in table order, and a table is kept in site-code order, so the codes of a
/// set come out sorted, as SPEC section 5 prints them.
/// </remarks>
public readonly struct SiteSet : IEquatable<SiteSet>
{
    /// <summary>The most sites one table (and so one set) can hold.</summary>
    public const int Capacity = 256;

    private readonly Bits _bits;

    private SiteSet(Bits bits) => _bits = bits;

    /// <summary>The empty set.</summary>
    public static SiteSet Empty => default;

    /// <summary>True when no site is in the set.</summary>
    public bool IsEmpty => (_bits[0] | _bits[1] | _bits[2] | _bits[3]) == 0;

    /// <summary>The number of sites in the set.</summary>
    public int Count =>
        BitOperations.PopCount(_bits[0]) + BitOperations.PopCount(_bits[1]) +
        BitOperations.PopCount(_bits[2]) + BitOperations.PopCount(_bits[3]);

    /// <summary>The set holding one site index.</summary>
    public static SiteSet Of(int index) => Empty.With(index);

    /// <summary>True when the site index is in the set.</summary>
    public bool Contains(int index) => (_bits[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>This set with one more site.</summary>
    public SiteSet With(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        var bits = _bits;
        bits[index >> 6] |= 1UL << (index & 63);
        return new SiteSet(bits);
    }

    /// <summary>This set without a site.</summary>
    public SiteSet Without(int index)
    {
        var bits = _bits;
        bits[index >> 6] &= ~(1UL << (index & 63));
        return new SiteSet(bits);
    }

    /// <summary>The sites in either set.</summary>
    public static SiteSet operator |(SiteSet left, SiteSet right) => Combine(left, right, 0);

    /// <summary>The sites in both sets.</summary>
    public static SiteSet operator &(SiteSet left, SiteSet right) => Combine(left, right, 1);

    /// <summary>The sites of the left set that are not in the right one.</summary>
    public static SiteSet operator -(SiteSet left, SiteSet right) => Combine(left, right, 2);

    /// <summary>The sites in either set (named alternative for <c>|</c>).</summary>
    public SiteSet Union(SiteSet other) => this | other;

    /// <summary>The sites in both sets (named alternative for <c>&amp;</c>).</summary>
    public SiteSet Intersect(SiteSet other) => this & other;

    /// <summary>The sites of this set not in the other (named alternative for <c>-</c>).</summary>
    public SiteSet Except(SiteSet other) => this - other;

    private static SiteSet Combine(SiteSet left, SiteSet right, int op)
    {
        var bits = default(Bits);
        for (var i = 0; i < Bits.Words; i++)
        {
            var a = left._bits[i];
            var b = right._bits[i];
            bits[i] = op switch { 0 => a | b, 1 => a & b, _ => a & ~b };
        }

        return new SiteSet(bits);
    }

    /// <summary>The set stored in words of 64 sites each (word 0 holds indices 0–63); missing words are empty.</summary>
    public static SiteSet FromWords(ReadOnlySpan<ulong> words)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(words.Length, Bits.Words);
        var bits = default(Bits);
        for (var i = 0; i < words.Length; i++)
        {
            bits[i] = words[i];
        }

        return new SiteSet(bits);
    }

    /// <summary>Writes the set into words of 64 sites each; sites beyond the words' reach must not be in the set.</summary>
    public void CopyTo(Span<ulong> words)
    {
        for (var i = 0; i < Bits.Words; i++)
        {
            if (i < words.Length)
            {
                words[i] = _bits[i];
            }
            else if (_bits[i] != 0)
            {
                throw new ArgumentException("The set holds sites beyond the words given.", nameof(words));
            }
        }
    }

    /// <summary>Iterates the indices in ascending order without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <inheritdoc/>
    public bool Equals(SiteSet other) =>
        _bits[0] == other._bits[0] && _bits[1] == other._bits[1] && _bits[2] == other._bits[2] && _bits[3] == other._bits[3];

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SiteSet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_bits[0], _bits[1], _bits[2], _bits[3]);

    /// <summary>Same sites.</summary>
    public static bool operator ==(SiteSet left, SiteSet right) => left.Equals(right);

    /// <summary>Different sites.</summary>
    public static bool operator !=(SiteSet left, SiteSet right) => !left.Equals(right);

    /// <summary>Walks the indices of a set in ascending order.</summary>
    public struct Enumerator
    {
        private readonly SiteSet _set;
        private int _word;
        private ulong _remaining;

        internal Enumerator(SiteSet set)
        {
            _set = set;
            _word = 0;
            _remaining = set._bits[0];
            Current = -1;
        }

        /// <summary>The current index.</summary>
        public int Current { get; private set; }

        /// <summary>Moves to the next index.</summary>
        public bool MoveNext()
        {
            while (_remaining == 0)
            {
                if (++_word == Bits.Words)
                {
                    return false;
                }

                _remaining = _set._bits[_word];
            }

            var bit = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = (_word << 6) + bit;
            return true;
        }
    }

    [InlineArray(Words)]
    private struct Bits
    {
        public const int Words = Capacity / 64;
        private ulong _element;
    }
}
