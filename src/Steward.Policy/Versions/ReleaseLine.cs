using System.Globalization;

namespace Steward.Policy.Versions;

/// <summary>
/// A release line: <c>(major, minor, build, revision / 1000)</c>, i.e. a version without its hotfix
/// level (docs/RULES.md section 1). Printed with the hotfix digits as <c>x</c>: <c>2.00.1493.2xxx</c> is SP2.
/// </summary>
/// <remarks>
/// A site is compatible with a client when the site's line is not older than the client's: otherwise
/// the client would run a newer agent with an older site's components, the "mixed install" of Q264630.
/// </remarks>
public readonly struct ReleaseLine : IEquatable<ReleaseLine>, IComparable<ReleaseLine>
{
    private readonly ulong _packed;

    /// <summary>A line from its parts; <paramref name="servicePack"/> is the revision's thousands digit(s).</summary>
    public ReleaseLine(ushort major, ushort minor, ushort build, ushort servicePack)
    {
        _packed = ((ulong)major << 48) | ((ulong)minor << 32) | ((ulong)build << 16) | servicePack;
    }

    // From a version's packed form with the hotfix level already removed (the hot path of every decision).
    internal ReleaseLine(ulong packed) => _packed = packed;

    /// <summary>The major version.</summary>
    public ushort Major => (ushort)(_packed >> 48);

    /// <summary>The minor version.</summary>
    public ushort Minor => (ushort)(_packed >> 32);

    /// <summary>The build number.</summary>
    public ushort Build => (ushort)(_packed >> 16);

    /// <summary>The service pack: the revision's thousands digit(s).</summary>
    public ushort ServicePack => (ushort)_packed;

    /// <summary>The line as people write it: <c>2.00.1380.1xxx</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor:D2}.{Build:D4}.{ServicePack}xxx");

    /// <inheritdoc/>
    public bool Equals(ReleaseLine other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReleaseLine other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(ReleaseLine other) => _packed.CompareTo(other._packed);

    /// <summary>Same line.</summary>
    public static bool operator ==(ReleaseLine left, ReleaseLine right) => left._packed == right._packed;

    /// <summary>Different lines.</summary>
    public static bool operator !=(ReleaseLine left, ReleaseLine right) => left._packed != right._packed;

    /// <summary>Older line.</summary>
    public static bool operator <(ReleaseLine left, ReleaseLine right) => left._packed < right._packed;

    /// <summary>Newer line.</summary>
    public static bool operator >(ReleaseLine left, ReleaseLine right) => left._packed > right._packed;

    /// <summary>Older or the same line.</summary>
    public static bool operator <=(ReleaseLine left, ReleaseLine right) => left._packed <= right._packed;

    /// <summary>Newer or the same line.</summary>
    public static bool operator >=(ReleaseLine left, ReleaseLine right) => left._packed >= right._packed;
}
