using System.Numerics;

namespace Steward.Policy.Sites;

/// <summary>
/// A set of sites, as bits over the indices of a <see cref="SiteTable"/> (at most
/// <see cref="Capacity"/> sites). A value type of 32 bytes: a decision computes sets without allocating.
/// </summary>
/// <remarks>
/// A set means nothing without the table it indexes; render it with <see cref="SiteTable.Format"/>.
/// Iterating yields indices in table order, and a table is kept in site-code order, so the codes of a
/// set come out sorted, as docs/RULES.md section 6 prints them.
/// </remarks>
public readonly struct SiteSet : IEquatable<SiteSet>
{
    /// <summary>The most sites one table (and so one set) can hold.</summary>
    public const int Capacity = 256;

    // Four explicit words rather than an array: the set stays a plain 32-byte value that the JIT keeps
    // in registers, and every operation is four integer instructions.
    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private SiteSet(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>The empty set.</summary>
    public static SiteSet Empty => default;

    /// <summary>True when no site is in the set.</summary>
    public bool IsEmpty => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>The number of sites in the set.</summary>
    public int Count =>
        BitOperations.PopCount(_w0) + BitOperations.PopCount(_w1) + BitOperations.PopCount(_w2) + BitOperations.PopCount(_w3);

    /// <summary>The set holding one site index.</summary>
    public static SiteSet Of(int index) => Empty.With(index);

    /// <summary>True when the site index is in the set.</summary>
    public bool Contains(int index) => (uint)index < Capacity && (Word(index >> 6) & (1UL << (index & 63))) != 0;

    /// <summary>This set with one more site.</summary>
    public SiteSet With(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        var bit = 1UL << (index & 63);
        return (index >> 6) switch
        {
            0 => new SiteSet(_w0 | bit, _w1, _w2, _w3),
            1 => new SiteSet(_w0, _w1 | bit, _w2, _w3),
            2 => new SiteSet(_w0, _w1, _w2 | bit, _w3),
            _ => new SiteSet(_w0, _w1, _w2, _w3 | bit),
        };
    }

    /// <summary>This set without a site.</summary>
    public SiteSet Without(int index) => (uint)index < Capacity ? this - Of(index) : this;

    /// <summary>The sites in either set.</summary>
    public static SiteSet operator |(SiteSet left, SiteSet right) =>
        new(left._w0 | right._w0, left._w1 | right._w1, left._w2 | right._w2, left._w3 | right._w3);

    /// <summary>The sites in both sets.</summary>
    public static SiteSet operator &(SiteSet left, SiteSet right) =>
        new(left._w0 & right._w0, left._w1 & right._w1, left._w2 & right._w2, left._w3 & right._w3);

    /// <summary>The sites of the left set that are not in the right one.</summary>
    public static SiteSet operator -(SiteSet left, SiteSet right) =>
        new(left._w0 & ~right._w0, left._w1 & ~right._w1, left._w2 & ~right._w2, left._w3 & ~right._w3);

    /// <summary>The sites in either set (named alternative for <c>|</c>).</summary>
    public SiteSet Union(SiteSet other) => this | other;

    /// <summary>The sites in both sets (named alternative for <c>&amp;</c>).</summary>
    public SiteSet Intersect(SiteSet other) => this & other;

    /// <summary>The sites of this set not in the other (named alternative for <c>-</c>).</summary>
    public SiteSet Except(SiteSet other) => this - other;

    /// <summary>The words of 64 sites each; word 0 holds indices 0-63.</summary>
    public ulong Word(int word) => word switch
    {
        0 => _w0,
        1 => _w1,
        2 => _w2,
        3 => _w3,
        _ => throw new ArgumentOutOfRangeException(nameof(word)),
    };

    /// <summary>The set stored in words of 64 sites each (word 0 holds indices 0-63); missing words are empty.</summary>
    public static SiteSet FromWords(ReadOnlySpan<ulong> words)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(words.Length, Capacity / 64);
        return new SiteSet(
            words.Length > 0 ? words[0] : 0,
            words.Length > 1 ? words[1] : 0,
            words.Length > 2 ? words[2] : 0,
            words.Length > 3 ? words[3] : 0);
    }

    /// <summary>Writes the set into words of 64 sites each; sites beyond the words' reach must not be in the set.</summary>
    public void CopyTo(Span<ulong> words)
    {
        for (var i = 0; i < Capacity / 64; i++)
        {
            if (i < words.Length)
            {
                words[i] = Word(i);
            }
            else if (Word(i) != 0)
            {
                throw new ArgumentException("The set holds sites beyond the words given.", nameof(words));
            }
        }
    }

    /// <summary>Iterates the indices in ascending order without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <inheritdoc/>
    public bool Equals(SiteSet other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SiteSet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

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
            _remaining = set._w0;
            Current = -1;
        }

        /// <summary>The current index.</summary>
        public int Current { get; private set; }

        /// <summary>Moves to the next index.</summary>
        public bool MoveNext()
        {
            while (_remaining == 0)
            {
                if (++_word == Capacity / 64)
                {
                    return false;
                }

                _remaining = _set.Word(_word);
            }

            var bit = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = (_word << 6) + bit;
            return true;
        }
    }
}
