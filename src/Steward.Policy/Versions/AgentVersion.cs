using Steward.Policy.Parsing;

namespace Steward.Policy.Versions;

/// <summary>
/// An agent version <c>major.minor.build.revision</c>, each field 0–65535 (docs/RULES.md section 1).
/// </summary>
/// <remarks>
/// <para>The four fields are packed into one 64-bit number, most significant first, so ordering is a
/// single integer comparison and a version costs eight bytes wherever a million of them are kept.</para>
/// <para>The thousands digit of the revision is the service pack; the rest of the revision is the
/// hotfix level (Q213410, Q266130). The <see cref="Line"/> drops the hotfix level: two versions on one
/// line differ only by hotfixes, and a newer line is a <em>significant</em> upgrade that a logon point
/// never applies (Q262677).</para>
/// </remarks>
public readonly struct AgentVersion : IEquatable<AgentVersion>, IComparable<AgentVersion>, ISpanFormattable, ISpanParsable<AgentVersion>
{
    private readonly ulong _packed;

    /// <summary>A version from its four fields.</summary>
    public AgentVersion(ushort major, ushort minor, ushort build, ushort revision)
    {
        _packed = ((ulong)major << 48) | ((ulong)minor << 32) | ((ulong)build << 16) | revision;
    }

    private AgentVersion(ulong packed) => _packed = packed;

    /// <summary>The major version (2 for every SMS 2.0 release).</summary>
    public ushort Major => (ushort)(_packed >> 48);

    /// <summary>The minor version (printed with two digits: <c>2.00</c>).</summary>
    public ushort Minor => (ushort)(_packed >> 32);

    /// <summary>The build number (1239 RTM, 1380 SP1, 1493 SP2 to SP4).</summary>
    public ushort Build => (ushort)(_packed >> 16);

    /// <summary>The revision: service pack in the thousands digit, hotfix level below it.</summary>
    public ushort Revision => (ushort)_packed;

    /// <summary>The service-pack digit(s): <c>revision / 1000</c>.</summary>
    public int ServicePack => Revision / 1000;

    /// <summary>The hotfix level: <c>revision % 1000</c>.</summary>
    public int HotfixLevel => Revision % 1000;

    /// <summary>
    /// True when the hundreds digit of the hotfix level is 4–9, which marks an international client
    /// pack (Q213410); like any hotfix it is not a significant change.
    /// </summary>
    public bool IsInternationalPack => HotfixLevel / 100 >= 4;

    /// <summary>The release line: the version without its hotfix level.</summary>
    public ReleaseLine Line => new((_packed & ~0xFFFFUL) | (uint)(Revision / 1000));

    /// <summary>The version as one number that orders like the version (for compact storage).</summary>
    public ulong ToPacked() => _packed;

    /// <summary>The version stored by <see cref="ToPacked"/>.</summary>
    public static AgentVersion FromPacked(ulong packed) => new(packed);

    /// <summary>
    /// True when this version is on a newer release line than <paramref name="other"/>: a service
    /// pack (or newer build) rather than a hotfix. Logon points never apply such an upgrade (R2, I2).
    /// </summary>
    public bool IsSignificantlyNewerThan(AgentVersion other) => Line > other.Line;

    /// <summary>
    /// True when this version is on the same release line as <paramref name="other"/> and newer:
    /// a hotfix, which a logon point may apply (Q262677: 2.00.1999.2001 is a hotfix of 2.00.1999.2000).
    /// </summary>
    public bool IsHotfixOf(AgentVersion other) => Line == other.Line && _packed > other._packed;

    /// <summary>Reads a version; leading zeros are allowed, anything else is refused with a reason that names the text and what is wrong.</summary>
    public static ParseResult<AgentVersion> TryParse(ReadOnlySpan<char> text)
    {
        Span<ushort> fields = stackalloc ushort[4];
        var field = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                continue;
            }

            if (field == 4)
            {
                return Fail(text, "it has more than four fields", i);
            }

            var part = text[start..i];
            if (part.IsEmpty)
            {
                return Fail(text, $"field {field + 1} is empty", start);
            }

            uint value = 0;
            for (var j = 0; j < part.Length; j++)
            {
                var c = part[j];
                if (c is < '0' or > '9')
                {
                    return Fail(text, $"'{c}' is not a decimal digit", start + j);
                }

                value = (value * 10) + (uint)(c - '0');
                if (value > ushort.MaxValue)
                {
                    return Fail(text, $"field {field + 1} is larger than 65535", start);
                }
            }

            fields[field++] = (ushort)value;
            start = i + 1;
        }

        return field == 4
            ? ParseResult<AgentVersion>.Ok(new AgentVersion(fields[0], fields[1], fields[2], fields[3]))
            : Fail(text, $"it has {field} field{(field == 1 ? "" : "s")}; a version has four (major.minor.build.revision)", text.Length);
    }

    /// <summary>Parses a version that must be valid; throws <see cref="FormatException"/> (with the reason) otherwise.</summary>
    public static AgentVersion Parse(string text) => TryParse(text).GetValueOrThrow();

    /// <inheritdoc/>
    public static AgentVersion Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    public static AgentVersion Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TryParse(s).GetValueOrThrow();

    /// <inheritdoc/>
    public static bool TryParse(string? s, IFormatProvider? provider, out AgentVersion result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out AgentVersion result)
    {
        var read = TryParse(s);
        result = read.Success ? read.Value : default;
        return read.Success;
    }

    private static ParseResult<AgentVersion> Fail(ReadOnlySpan<char> text, string what, int position) =>
        ParseResult<AgentVersion>.Fail($"'{text}' is not a version: {what}", position);

    /// <summary>The canonical form: minor with two digits, build and revision with four (<c>2.00.1380.1125</c>).</summary>
    /// <remarks>Written digit by digit: the server formats versions several times for every request it answers.</remarks>
    public override string ToString() => string.Create(FormattedLength, this, static (span, version) => version.Write(span));

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < FormattedLength)
        {
            charsWritten = 0;
            return false;
        }

        Write(destination);
        charsWritten = FormattedLength;
        return true;
    }

    private int FormattedLength => Width(Major, 1) + Width(Minor, 2) + Width(Build, 4) + Width(Revision, 4) + 3;

    private void Write(Span<char> destination)
    {
        var at = WriteField(destination, Major, 1);
        destination[at++] = '.';
        at += WriteField(destination[at..], Minor, 2);
        destination[at++] = '.';
        at += WriteField(destination[at..], Build, 4);
        destination[at++] = '.';
        WriteField(destination[at..], Revision, 4);
    }

    // The number of characters of a field written with at least `digits` digits.
    private static int Width(int value, int digits)
    {
        var width = 1;
        for (var rest = value / 10; rest > 0; rest /= 10)
        {
            width++;
        }

        return Math.Max(width, digits);
    }

    private static int WriteField(Span<char> destination, int value, int digits)
    {
        var width = Width(value, digits);
        for (var i = width - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return width;
    }

    /// <inheritdoc/>
    public bool Equals(AgentVersion other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AgentVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(AgentVersion other) => _packed.CompareTo(other._packed);

    /// <summary>Equal versions.</summary>
    public static bool operator ==(AgentVersion left, AgentVersion right) => left._packed == right._packed;

    /// <summary>Different versions.</summary>
    public static bool operator !=(AgentVersion left, AgentVersion right) => left._packed != right._packed;

    /// <summary>Older.</summary>
    public static bool operator <(AgentVersion left, AgentVersion right) => left._packed < right._packed;

    /// <summary>Newer.</summary>
    public static bool operator >(AgentVersion left, AgentVersion right) => left._packed > right._packed;

    /// <summary>Older or equal.</summary>
    public static bool operator <=(AgentVersion left, AgentVersion right) => left._packed <= right._packed;

    /// <summary>Newer or equal.</summary>
    public static bool operator >=(AgentVersion left, AgentVersion right) => left._packed >= right._packed;
}
