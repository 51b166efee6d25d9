using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Properties;

/// <summary>Generators of versions: anywhere in the 16-bit fields, or on the real SMS 2.0 release lines.</summary>
internal static class VersionGen
{
    /// <summary>(build, service pack) of RTM, SP1, SP2, SP3 and SP4.</summary>
    private static readonly (ushort Build, ushort ServicePack)[] Lines = [(1239, 0), (1380, 1), (1493, 2), (1493, 3), (1493, 4)];

    /// <summary>Any four fields.</summary>
    public static readonly Gen<AgentVersion> Any =
        Gen.Select(Gen.UShort, Gen.UShort, Gen.UShort, Gen.UShort, (a, b, c, d) => new AgentVersion(a, b, c, d));

    /// <summary>A version on one of the five real lines, with a hotfix level of none, a few, or an international pack.</summary>
    public static readonly Gen<AgentVersion> OnRealLines =
        from line in Gen.Int[0, Lines.Length - 1]
        from hotfix in Gen.OneOf(0, 0, 1, 2, 3, 450)
        select new AgentVersion(2, 0, Lines[line].Build, (ushort)((Lines[line].ServicePack * 1000) + hotfix));

    /// <summary>Mostly real lines (so that equal lines and hotfixes are common), sometimes anything.</summary>
    public static readonly Gen<AgentVersion> Mixed = Gen.Frequency((4, OnRealLines), (1, Any));
}
