using System.Globalization;
using Steward.Policy.Parsing;

namespace Steward.Policy.Boundaries;

/// <summary>
/// A network area that belongs to a site: an IPv4 or IPv6 CIDR subnet with no host bits set, an
/// inclusive address range, or one address (docs/RULES.md section 7). Held as the first and last address
/// of one family, so membership is two comparisons.
/// </summary>
public readonly struct Boundary : IEquatable<Boundary>
{
    private Boundary(BoundaryKind kind, NetworkAddress first, NetworkAddress last, int prefixLength)
    {
        Kind = kind;
        First = first;
        Last = last;
        PrefixLength = prefixLength;
    }

    /// <summary>How it was written.</summary>
    public BoundaryKind Kind { get; }

    /// <summary>The first address inside.</summary>
    public NetworkAddress First { get; }

    /// <summary>The last address inside (inclusive).</summary>
    public NetworkAddress Last { get; }

    /// <summary>The prefix length of a subnet; -1 for a range or an address.</summary>
    public int PrefixLength { get; }

    /// <summary>True for IPv6 boundaries.</summary>
    public bool IsIPv6 => First.IsIPv6;

    /// <summary>
    /// The number of addresses inside, minus one (so that an IPv6 <c>::/0</c> fits in 128 bits).
    /// </summary>
    public UInt128 SizeMinusOne => Last.Value - First.Value;

    /// <summary>
    /// True when the address is of the same family and between <see cref="First"/> and
    /// <see cref="Last"/>. This is plain arithmetic: whether the address identifies a network at all is
    /// decided by <see cref="IdentifyingAddresses"/>, and site membership combines the two.
    /// </summary>
    public bool Contains(NetworkAddress address) =>
        address.IsIPv6 == First.IsIPv6 && address.Value >= First.Value && address.Value <= Last.Value;

    /// <summary>True when the two boundaries share at least one address.</summary>
    public bool Overlaps(Boundary other) =>
        IsIPv6 == other.IsIPv6 && First.Value <= other.Last.Value && other.First.Value <= Last.Value;

    /// <summary>A boundary of one address.</summary>
    public static Boundary OfAddress(NetworkAddress address) => new(BoundaryKind.Address, address, address, -1);

    /// <summary>
    /// Parses <c>10.1.0.0/16</c>, <c>10.3.0.10-10.3.0.200</c> or <c>10.4.0.7</c> (and their IPv6
    /// forms). Refused, with what is wrong: a prefix longer than the family allows, host bits set in
    /// a subnet (<c>10.1.0.5/16</c>), a range whose end is before its start, a range mixing IPv4 and
    /// IPv6, anything that is not an address.
    /// </summary>
    public static ParseResult<Boundary> Parse(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return ParseResult<Boundary>.Fail("a boundary is empty");
        }

        var slash = trimmed.IndexOf('/');
        if (slash >= 0)
        {
            return ParseSubnet(trimmed, slash);
        }

        var dash = trimmed.IndexOf('-');
        if (dash >= 0)
        {
            return ParseRange(trimmed, dash);
        }

        var single = NetworkAddress.Parse(trimmed);
        return single.Success ? ParseResult<Boundary>.Ok(OfAddress(single.Value)) : Fail(trimmed, single.Error!, single.Position);
    }

    /// <summary>Parses a boundary that must be valid; throws <see cref="FormatException"/> otherwise.</summary>
    public static Boundary ParseExact(string text) => Parse(text).GetValueOrThrow();

    private static ParseResult<Boundary> ParseSubnet(ReadOnlySpan<char> text, int slash)
    {
        var address = NetworkAddress.Parse(text[..slash]);
        if (!address.Success)
        {
            return Fail(text, address.Error!, address.Position);
        }

        var prefixText = text[(slash + 1)..];
        var bits = address.Value.IsIPv6 ? 128 : 32;
        if (prefixText.IsEmpty || prefixText.Length > 3 || !prefixText.ContainsOnlyDigits())
        {
            return Fail(text, $"the prefix length '{prefixText}' is not a number from 0 to {bits}", slash + 1);
        }

        var prefix = int.Parse(prefixText, CultureInfo.InvariantCulture);
        if (prefix > bits)
        {
            return Fail(text, $"the prefix length /{prefix} is longer than the {bits} bits of an {(bits == 32 ? "IPv4" : "IPv6")} address", slash + 1);
        }

        var hostBits = bits - prefix;
        var hostMask = hostBits == 0 ? UInt128.Zero : (hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1);
        var first = address.Value.Value;
        if ((first & hostMask) != 0)
        {
            var network = new NetworkAddress(address.Value.IsIPv6, first & ~hostMask);
            return Fail(text, $"host bits are set; the subnet is {network}/{prefix}", 0);
        }

        return ParseResult<Boundary>.Ok(new Boundary(
            BoundaryKind.Subnet, address.Value, new NetworkAddress(address.Value.IsIPv6, first | hostMask), prefix));
    }

    private static ParseResult<Boundary> ParseRange(ReadOnlySpan<char> text, int dash)
    {
        var first = NetworkAddress.Parse(text[..dash].TrimEnd());
        if (!first.Success)
        {
            return Fail(text, first.Error!, first.Position);
        }

        var last = NetworkAddress.Parse(text[(dash + 1)..].TrimStart());
        if (!last.Success)
        {
            return Fail(text, last.Error!, dash + 1 + last.Position);
        }

        if (first.Value.IsIPv6 != last.Value.IsIPv6)
        {
            return Fail(text, "a range cannot mix IPv4 and IPv6 addresses", dash);
        }

        if (last.Value.Value < first.Value.Value)
        {
            return Fail(text, $"the range is reversed: {last.Value} comes before {first.Value}", dash + 1);
        }

        return ParseResult<Boundary>.Ok(new Boundary(BoundaryKind.Range, first.Value, last.Value, -1));
    }

    private static ParseResult<Boundary> Fail(ReadOnlySpan<char> text, string what, int position) =>
        ParseResult<Boundary>.Fail($"'{text}' is not a boundary: {what}", position);

    /// <summary>The boundary as it is written: subnet, range or address.</summary>
    public override string ToString() => Kind switch
    {
        BoundaryKind.Subnet => string.Create(CultureInfo.InvariantCulture, $"{First}/{PrefixLength}"),
        BoundaryKind.Range => $"{First}-{Last}",
        _ => First.ToString(),
    };

    /// <inheritdoc/>
    public bool Equals(Boundary other) => Kind == other.Kind && First == other.First && Last == other.Last;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Boundary other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, First, Last);

    /// <summary>Same boundary.</summary>
    public static bool operator ==(Boundary left, Boundary right) => left.Equals(right);

    /// <summary>Different boundaries.</summary>
    public static bool operator !=(Boundary left, Boundary right) => !left.Equals(right);
}
