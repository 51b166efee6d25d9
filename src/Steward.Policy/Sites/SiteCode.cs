using Steward.Policy.Parsing;

namespace Steward.Policy.Sites;

/// <summary>
/// A site code: three letters or digits (<c>A01</c>), compared without regard to case and printed in
/// upper case (docs/RULES.md section 7). Ordered by its upper-case text, which decides ties between senior sites.
/// </summary>
public readonly struct SiteCode : IEquatable<SiteCode>, IComparable<SiteCode>
{
    private readonly int _packed;

    private SiteCode(int packed) => _packed = packed;

    /// <summary>Parses a code; anything but exactly three ASCII letters or digits is refused.</summary>
    public static ParseResult<SiteCode> Parse(ReadOnlySpan<char> text)
    {
        if (text.Length != 3)
        {
            return ParseResult<SiteCode>.Fail($"'{text}' is not a site code: a site code has exactly three letters or digits", 0);
        }

        var packed = 0;
        for (var i = 0; i < 3; i++)
        {
            var c = char.ToUpperInvariant(text[i]);
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return ParseResult<SiteCode>.Fail($"'{text}' is not a site code: '{text[i]}' is not a letter or digit", i);
            }

            packed = (packed << 8) | c;
        }

        return ParseResult<SiteCode>.Ok(new SiteCode(packed));
    }

    /// <summary>Parses a code that must be valid; throws <see cref="FormatException"/> otherwise.</summary>
    public static SiteCode ParseExact(string text) => Parse(text).GetValueOrThrow();

    /// <summary>The code in upper case.</summary>
    public override string ToString() =>
        string.Create(3, _packed, static (span, p) =>
        {
            span[0] = (char)((p >> 16) & 0xFF);
            span[1] = (char)((p >> 8) & 0xFF);
            span[2] = (char)(p & 0xFF);
        });

    /// <inheritdoc/>
    public bool Equals(SiteCode other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SiteCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed;

    /// <summary>Orders by upper-case text (ordinal).</summary>
    public int CompareTo(SiteCode other) => _packed.CompareTo(other._packed);

    /// <summary>Same code.</summary>
    public static bool operator ==(SiteCode left, SiteCode right) => left._packed == right._packed;

    /// <summary>Different codes.</summary>
    public static bool operator !=(SiteCode left, SiteCode right) => left._packed != right._packed;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator <(SiteCode left, SiteCode right) => left._packed < right._packed;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator >(SiteCode left, SiteCode right) => left._packed > right._packed;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator <=(SiteCode left, SiteCode right) => left._packed <= right._packed;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator >=(SiteCode left, SiteCode right) => left._packed >= right._packed;
}
