using System.Globalization;
using System.Net;
using System.Numerics;

namespace Steward.Policy.Tests.Properties;

/// <summary>Generators of address and boundary texts, biased towards the edges that matter.</summary>
internal static class NetworkGen
{
    public static readonly BigInteger V4Max = uint.MaxValue;
    public static readonly BigInteger V6Max = (BigInteger)UInt128.MaxValue;

    /// <summary>An IPv4 value: anywhere, or at and around the addresses that identify nothing.</summary>
    public static readonly Gen<BigInteger> V4Value = Gen.Frequency(
        (4, Gen.UInt.Select(v => (BigInteger)v)),
        (1, Gen.OneOf<BigInteger>(0, 1, 0x7EFFFFFF, 0x7F000000, 0x7FFFFFFF, 0x80000000, 0xA9FDFFFF, 0xA9FE0000, 0xA9FEFFFF, 0xA9FF0000, uint.MaxValue)),
        (1, Gen.UInt[0, 0xFFFFFF].Select(low => (BigInteger)((127u << 24) | low))),
        (1, Gen.UInt[0, 0xFFFF].Select(low => (BigInteger)(0xA9FE0000u | low))),
        (2, Gen.UInt[0, 0xFFFF].Select(low => (BigInteger)(0x0A010000u | low))));

    /// <summary>An IPv6 value: anywhere, or at and around ::, ::1, fe80::/10 and the IPv4-mapped block.</summary>
    public static readonly Gen<BigInteger> V6Value = Gen.Frequency(
        (4, Gen.UInt128.Select(v => (BigInteger)v)),
        (1, Gen.OneOf(0, 1, 2, Hex("fe7fffffffffffffffffffffffffffff"), Hex("fe800000000000000000000000000000"), Hex("febfffffffffffffffffffffffffffff"), Hex("fec00000000000000000000000000000"), V6Max)),
        (1, Gen.UInt128[0, UInt128.MaxValue >> 10].Select(low => Hex("fe800000000000000000000000000000") + low)),
        (1, Gen.UInt.Select(v4 => (BigInteger)0xFFFF << 32 | v4)),
        (2, Gen.UInt128[0, ushort.MaxValue].Select(low => Hex("20010db8000000000000000000000000") + low)));

    /// <summary>An address text of either family, IPv4 sometimes written as IPv4-mapped IPv6.</summary>
    public static readonly Gen<string> AddressText = Gen.Frequency(
        (4, V4Value.Select(v => Text(false, v))),
        (1, V4Value.Select(v => "::ffff:" + Text(false, v))),
        (3, V6Value.Select(v => Text(true, v))),
        (1, V6Value.Select(FullIPv6Text)));

    /// <summary>
    /// A boundary text meant to be valid: a subnet without host bits, an ordered range, or one address
    /// (bounds that fall in the IPv4-mapped block are read as IPv4, which can still make it invalid).
    /// </summary>
    public static readonly Gen<string> BoundaryText =
        from v6 in Gen.Bool
        from kind in Gen.Int[0, 2]
        from a in v6 ? V6Value : V4Value
        from b in v6 ? V6Value : V4Value
        from prefix in Gen.Int[0, v6 ? 128 : 32]
        select MakeBoundary(v6, kind, a, b, prefix);

    public static BigInteger FamilyMax(bool v6) => v6 ? V6Max : V4Max;

    public static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>The usual text of an address value of a family (IPv6 compressed as <see cref="IPAddress"/> writes it).</summary>
    public static string Text(bool v6, BigInteger value)
    {
        var length = v6 ? 16 : 4;
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return new IPAddress(padded).ToString();
    }

    /// <summary>All eight groups, leading zeros kept, upper case.</summary>
    public static string FullIPv6Text(BigInteger value)
    {
        var groups = new string[8];
        for (var i = 7; i >= 0; i--)
        {
            groups[i] = ((int)(value & 0xFFFF)).ToString("X4", CultureInfo.InvariantCulture);
            value >>= 16;
        }

        return string.Join(':', groups);
    }

    private static string MakeBoundary(bool v6, int kind, BigInteger a, BigInteger b, int prefix)
    {
        switch (kind)
        {
            case 0:
                var bits = v6 ? 128 : 32;
                var size = BigInteger.Pow(2, bits - prefix);
                var network = a / size * size;
                return $"{Text(v6, network)}/{prefix}";
            case 1:
                var (first, last) = a <= b ? (a, b) : (b, a);
                return $"{Text(v6, first)}-{Text(v6, last)}";
            default:
                return Text(v6, a);
        }
    }
}
