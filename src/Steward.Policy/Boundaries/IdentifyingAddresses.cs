namespace Steward.Policy.Boundaries;

/// <summary>
/// The addresses that identify no network and so never fall inside a boundary (docs/RULES.md section 3):
/// <c>0.0.0.0</c>, <c>127.0.0.0/8</c>, <c>169.254.0.0/16</c>, <c>::</c>, <c>::1</c>, <c>fe80::/10</c>.
/// </summary>
/// <remarks>
/// A PPP adapter reporting 0.0.0.0 once kept clients from being assigned (Q240628), and a second
/// card with 0.0.0.0 is "not valid for assignment" (Q288218): such an address says nothing about
/// where the computer is, so it neither places a computer inside a boundary nor keeps it there.
/// </remarks>
public static class IdentifyingAddresses
{
    private static readonly UInt128 LinkLocalV6Prefix = (UInt128)0xFE80 << 112;
    private static readonly UInt128 LinkLocalV6Mask = (UInt128)0xFFC0 << 112;

    /// <summary>False for an address that identifies nothing; true for any other.</summary>
    public static bool Identifies(NetworkAddress address)
    {
        if (!address.IsIPv6)
        {
            var v = (uint)address.Value;
            return v != 0 && (v >> 24) != 127 && (v >> 16) != 0xA9FE;
        }

        var value = address.Value;
        return value > 1 && (value & LinkLocalV6Mask) != LinkLocalV6Prefix;
    }
}
