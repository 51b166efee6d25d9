using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Steward.Policy.Parsing;

namespace Steward.Policy.Boundaries;

/// <summary>An IPv4 or IPv6 address as a 128-bit number with its family, for boundary arithmetic.</summary>
/// <remarks>
/// An IPv4-mapped IPv6 address (<c>::ffff:10.1.0.5</c>) is the IPv4 address it maps, so a computer
/// that reports its address either way falls inside the same IPv4 boundaries.
/// </remarks>
public readonly struct NetworkAddress : IEquatable<NetworkAddress>, IComparable<NetworkAddress>
{
    private static readonly SearchValues<char> IPv6Characters = SearchValues.Create("0123456789abcdefABCDEF:.");

    /// <summary>An address of a family and value (IPv4 values are below 2^32).</summary>
    public NetworkAddress(bool isIPv6, UInt128 value)
    {
        IsIPv6 = isIPv6;
        Value = isIPv6 ? value : (uint)value;
    }

    /// <summary>True for IPv6, false for IPv4.</summary>
    public bool IsIPv6 { get; }

    /// <summary>The address as a number (IPv4 in the low 32 bits).</summary>
    public UInt128 Value { get; }

    /// <summary>The largest value of the family: 2^32 - 1 or 2^128 - 1.</summary>
    public UInt128 FamilyMax => IsIPv6 ? UInt128.MaxValue : uint.MaxValue;

    /// <summary>An IPv4 address from its 32-bit value.</summary>
    public static NetworkAddress FromIPv4(uint value) => new(false, value);

    /// <summary>An IPv6 address from its 128-bit value.</summary>
    public static NetworkAddress FromIPv6(UInt128 value) => new(true, value);

    /// <summary>
    /// Parses a dotted-quad IPv4 address (four decimal octets, no leading zeros, which some tools read
    /// as octal) or an IPv6 address without a zone.
    /// </summary>
    public static ParseResult<NetworkAddress> Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return ParseResult<NetworkAddress>.Fail("an address is empty");
        }

        return text.Contains(':') ? ParseIPv6(text) : ParseIPv4(text);
    }

    private static ParseResult<NetworkAddress> ParseIPv4(ReadOnlySpan<char> text)
    {
        uint value = 0;
        var octets = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                if (text[i] is < '0' or > '9')
                {
                    return Fail(text, $"'{text[i]}' is not allowed in an IPv4 address", i);
                }

                continue;
            }

            var part = text[start..i];
            if (part.IsEmpty || octets == 4)
            {
                return Fail(text, "an IPv4 address has four numbers separated by dots", i);
            }

            if (part.Length > 1 && part[0] == '0')
            {
                return Fail(text, $"'{part}' has a leading zero, which some tools read as octal", start);
            }

            if (part.Length > 3 || int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return Fail(text, $"'{part}' is larger than 255", start);
            }

            value = (value << 8) | uint.Parse(part, CultureInfo.InvariantCulture);
            octets++;
            start = i + 1;
        }

        return octets == 4
            ? ParseResult<NetworkAddress>.Ok(FromIPv4(value))
            : Fail(text, "an IPv4 address has four numbers separated by dots", text.Length);
    }

    private static ParseResult<NetworkAddress> ParseIPv6(ReadOnlySpan<char> text)
    {
        var zone = text.IndexOf('%');
        if (zone >= 0)
        {
            return Fail(text, "a zone (%...) names an interface, not a network", zone);
        }

        // IPAddress also reads endpoints ("[2001:db8::1]:80") and would drop the port silently.
        var other = text.IndexOfAnyExcept(IPv6Characters);
        if (other >= 0)
        {
            return Fail(text, $"'{text[other]}' is not allowed in an IPv6 address", other);
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return Fail(text, "it is not a valid IPv6 address", 0);
        }

        if (parsed.IsIPv4MappedToIPv6)
        {
            var v4 = parsed.MapToIPv4().GetAddressBytes();
            return ParseResult<NetworkAddress>.Ok(FromIPv4(((uint)v4[0] << 24) | ((uint)v4[1] << 16) | ((uint)v4[2] << 8) | v4[3]));
        }

        Span<byte> bytes = stackalloc byte[16];
        parsed.TryWriteBytes(bytes, out _);
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return ParseResult<NetworkAddress>.Ok(FromIPv6(value));
    }

    private static ParseResult<NetworkAddress> Fail(ReadOnlySpan<char> text, string what, int position) =>
        ParseResult<NetworkAddress>.Fail($"'{text}' is not an address: {what}", position);

    /// <summary>Parses an address that must be valid; throws <see cref="FormatException"/> otherwise.</summary>
    public static NetworkAddress ParseExact(string text) => Parse(text).GetValueOrThrow();

    /// <summary>The address in its usual notation (IPv6 compressed as <see cref="IPAddress"/> prints it).</summary>
    public override string ToString()
    {
        if (!IsIPv6)
        {
            var v = (uint)Value;
            return string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}");
        }

        Span<byte> bytes = stackalloc byte[16];
        var value = Value;
        for (var i = 15; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }

    /// <inheritdoc/>
    public bool Equals(NetworkAddress other) => IsIPv6 == other.IsIPv6 && Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NetworkAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsIPv6, Value);

    /// <summary>IPv4 before IPv6, then by value.</summary>
    public int CompareTo(NetworkAddress other) =>
        IsIPv6 != other.IsIPv6 ? IsIPv6.CompareTo(other.IsIPv6) : Value.CompareTo(other.Value);

    /// <summary>Same address.</summary>
    public static bool operator ==(NetworkAddress left, NetworkAddress right) => left.Equals(right);

    /// <summary>Different addresses.</summary>
    public static bool operator !=(NetworkAddress left, NetworkAddress right) => !left.Equals(right);

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator <(NetworkAddress left, NetworkAddress right) => left.CompareTo(right) < 0;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator >(NetworkAddress left, NetworkAddress right) => left.CompareTo(right) > 0;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator <=(NetworkAddress left, NetworkAddress right) => left.CompareTo(right) <= 0;

    /// <summary>Orders as <see cref="CompareTo"/>.</summary>
    public static bool operator >=(NetworkAddress left, NetworkAddress right) => left.CompareTo(right) >= 0;
}
