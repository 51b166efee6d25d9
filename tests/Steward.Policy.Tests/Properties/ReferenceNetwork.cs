using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace Steward.Policy.Tests.Properties;

/// <summary>An address as the reference sees it: its family and its bytes read as one unsigned number.</summary>
internal readonly record struct RefAddress(bool IsIPv6, BigInteger Value);

/// <summary>A boundary as the reference sees it: inclusive first and last numbers of one family.</summary>
internal readonly record struct RefBoundary(bool IsIPv6, BigInteger First, BigInteger Last)
{
    public bool Contains(RefAddress address) => address.IsIPv6 == IsIPv6 && First <= address.Value && address.Value <= Last;
}

/// <summary>
/// A naive reading of docs/RULES.md's boundary rules (section 7) through <see cref="IPAddress"/> and <see cref="BigInteger"/>,
/// written without looking at the policy's bit arithmetic, to compare against it.
/// </summary>
internal static class ReferenceNetwork
{
    public static IPAddress Ip(string text)
    {
        var ip = IPAddress.Parse(text);
        return ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
    }

    public static RefAddress Address(string text)
    {
        var ip = Ip(text);
        return new RefAddress(ip.AddressFamily == AddressFamily.InterNetworkV6, new BigInteger(ip.GetAddressBytes(), isUnsigned: true, isBigEndian: true));
    }

    /// <summary>The boundary the text means, or null when docs/RULES.md says it is not a boundary.</summary>
    public static RefBoundary? Boundary(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var network = Address(text[..slash]);
            var prefix = int.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var bits = network.IsIPv6 ? 128 : 32;
            if (prefix > bits)
            {
                return null;
            }

            var size = BigInteger.Pow(2, bits - prefix);
            return network.Value % size != 0 ? null : new RefBoundary(network.IsIPv6, network.Value, network.Value + size - 1);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            var first = Address(text[..dash]);
            var last = Address(text[(dash + 1)..]);
            return first.IsIPv6 != last.IsIPv6 || last.Value < first.Value ? null : new RefBoundary(first.IsIPv6, first.Value, last.Value);
        }

        var single = Address(text);
        return new RefBoundary(single.IsIPv6, single.Value, single.Value);
    }

    /// <summary>docs/RULES.md section 3: 0.0.0.0, 127.0.0.0/8, 169.254.0.0/16, ::, ::1 and fe80::/10 identify nothing.</summary>
    public static bool Identifies(string text)
    {
        var ip = Ip(text);
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            var unspecified = b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0;
            return !unspecified && b[0] != 127 && !(b[0] == 169 && b[1] == 254);
        }

        return !ip.Equals(IPAddress.IPv6Any) && !ip.Equals(IPAddress.IPv6Loopback) && !ip.IsIPv6LinkLocal;
    }
}
