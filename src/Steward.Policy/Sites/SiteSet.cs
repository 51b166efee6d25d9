using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    // One 256-bit vector: the set is a single register, copying it is one instruction, and union,
    // intersection and difference are one instruction each. A decision moves many sets around; as four
    // separate words the JIT kept them in stack slots it had to zero and copy word by word.
    private static readonly Vector256<ulong> WordIndices = Vector256.Create(0UL, 1UL, 2UL, 3UL);
    private readonly Vector256<ulong> _bits;

    private SiteSet(Vector256<ulong> bits) => _bits = bits;

    /// <summary>The empty set.</summary>
    public static SiteSet Empty => default;

    /// <summary>True when no site is in the set.</summary>
    public bool IsEmpty => _bits == Vector256<ulong>.Zero;

    /// <summary>The number of sites in the set.</summary>
    public int Count =>
        BitOperations.PopCount(_bits.GetElement(0)) + BitOperations.PopCount(_bits.GetElement(1))
        + BitOperations.PopCount(_bits.GetElement(2)) + BitOperations.PopCount(_bits.GetElement(3));

    /// <summary>The set holding one site index.</summary>
    public static SiteSet Of(int index) => Empty.With(index);

    /// <summary>True when the site index is in the set.</summary>
    public bool Contains(int index) => (uint)index < Capacity && (_bits.GetElement(index >> 6) & (1UL << (index & 63))) != 0;

    /// <summary>This set with one more site.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SiteSet With(int index)
    {
        if ((uint)index >= Capacity)
        {
            ThrowOutsideCapacity(index);
        }

        // The bit, placed in its word by comparing the word's index with each lane's: no branch.
        var lane = Vector256.Equals(Vector256.Create((ulong)(index >> 6)), WordIndices);
        return new SiteSet(_bits | (lane & Vector256.Create(1UL << (index & 63))));
    }

    /// <summary>This set without a site.</summary>
    public SiteSet Without(int index) => (uint)index < Capacity ? this - Of(index) : this;

    /// <summary>The sites in either set.</summary>
    public static SiteSet operator |(SiteSet left, SiteSet right) =>
        new(left._bits | right._bits);

    /// <summary>The sites in both sets.</summary>
    public static SiteSet operator &(SiteSet left, SiteSet right) =>
        new(left._bits & right._bits);

    /// <summary>The sites of the left set that are not in the right one.</summary>
    public static SiteSet operator -(SiteSet left, SiteSet right) =>
        new(Vector256.AndNot(left._bits, right._bits));

    /// <summary>The sites in either set (named alternative for <c>|</c>).</summary>
    public SiteSet Union(SiteSet other) => this | other;

    /// <summary>The sites in both sets (named alternative for <c>&amp;</c>).</summary>
    public SiteSet Intersect(SiteSet other) => this & other;

    /// <summary>The sites of this set not in the other (named alternative for <c>-</c>).</summary>
    public SiteSet Except(SiteSet other) => this - other;

    /// <summary>The words of 64 sites each; word 0 holds indices 0-63.</summary>
    public ulong Word(int word)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(word);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(word, Capacity / 64);
        return _bits.GetElement(word);
    }

    /// <summary>The set stored in words of 64 sites each (word 0 holds indices 0-63); missing words are empty.</summary>
    public static SiteSet FromWords(ReadOnlySpan<ulong> words)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(words.Length, Capacity / 64);
        return new SiteSet(Vector256.Create(
            words.Length > 0 ? words[0] : 0,
            words.Length > 1 ? words[1] : 0,
            words.Length > 2 ? words[2] : 0,
            words.Length > 3 ? words[3] : 0));
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

    // Out of line so that With, on every decision's path, stays small enough to inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutsideCapacity(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"A site index is from 0 to {Capacity - 1}.");

    /// <summary>Iterates the indices in ascending order without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <inheritdoc/>
    public bool Equals(SiteSet other) => _bits == other._bits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SiteSet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_bits.GetElement(0), _bits.GetElement(1), _bits.GetElement(2), _bits.GetElement(3));

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
            _remaining = set._bits.GetElement(0);
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

                _remaining = _set._bits.GetElement(_word);
            }

            var bit = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = (_word << 6) + bit;
            return true;
        }
    }
}
