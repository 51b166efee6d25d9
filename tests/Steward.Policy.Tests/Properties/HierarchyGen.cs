using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Properties;

/// <summary>
/// Random hierarchies in a small network world (10.0-3.x.x, 2001:db8:0-3::, and the addresses that identify
/// nothing), so that boundaries overlap, clients fall inside several sites, and sites share lines.
/// </summary>
internal static class HierarchyGen
{
    private static readonly string[] CodePool = ["A01", "b01", "C02", "x99", "0AB", "M10", "s1z", "Z00"];

    private static readonly Gen<int> Octet = Gen.Int[0, 255];
    private static readonly Gen<int> Net = Gen.Int[0, 3];

    public static readonly Gen<string> ClientAddress = Gen.Frequency(
        (6, Gen.Select(Net, Net, Octet, (x, y, z) => $"10.{x}.{y}.{z}")),
        (1, Gen.Select(Net, Net, Octet, (x, y, z) => $"::ffff:10.{x}.{y}.{z}")),
        (2, Gen.Select(Net, Octet, (x, z) => $"2001:db8:{x}::{z:x}")),
        (2, Gen.OneOf("0.0.0.0", "127.0.0.1", "169.254.1.1", "::", "::1", "fe80::1", "::ffff:127.0.0.1", "192.168.1.1")));

    public static readonly Gen<string> BoundaryText = Gen.Frequency(
        (4, Net.Select(x => $"10.{x}.0.0/16")),
        (3, Gen.Select(Net, Net, (x, y) => $"10.{x}.{y}.0/24")),
        (2, Gen.Select(Net, Net, Octet, Octet, (x, y, a, b) => $"10.{x}.{y}.{Math.Min(a, b)}-10.{x}.{y}.{Math.Max(a, b)}")),
        (1, Gen.Select(Net, Net, Octet, (x, y, z) => $"10.{x}.{y}.{z}")),
        (2, Net.Select(x => $"2001:db8:{x}::/48")),
        (1, Gen.Select(Net, Octet, Octet, (x, a, b) => $"2001:db8:{x}::{Math.Min(a, b):x}-2001:db8:{x}::{Math.Max(a, b):x}")),
        (1, Gen.OneOf("10.0.0.0/8", "0.0.0.0/0", "::/0", "127.0.0.0/8", "169.254.0.0/16", "fe80::/10", "2001:db8::/32")));

    public static readonly Gen<AgentVersion> SiteVersion = Gen.Frequency((19, VersionGen.OnRealLines), (1, VersionGen.Any));

    private static readonly Gen<AgentVersion?> Installed = Gen.Frequency(
        (1, Gen.Const((AgentVersion?)null)),
        (2, VersionGen.OnRealLines.Select(v => (AgentVersion?)v)));

    private static readonly Gen<StepKind> Kind = Gen.Frequency(
        (4, StepKind.Logon),
        (1, StepKind.ManualInstall),
        (4, StepKind.Maintenance),
        (2, StepKind.SiteVersion),
        (2, StepKind.Move),
        (1, StepKind.Travel));

    public static readonly Gen<Scenario> Scenario =
        from siteCount in Gen.Int[1, 6]
        from firstCode in Gen.Int[0, CodePool.Length - 1]
        from sites in Gen.Select(SiteVersion, BoundaryText.Array[0, 3], Gen.Frequency((9, true), (1, false))).Array[siteCount]
        from points in Gen.Select(Gen.Int[0, (1 << siteCount) - 1], Gen.Frequency((3, Gen.Const(-1)), (1, Gen.Int[0, siteCount - 1]))).Array[1, 3]
        from clients in Gen.Select(Installed, Gen.Int[0, (1 << siteCount) - 1], ClientAddress.Array[1, 3], Gen.Frequency((5, false), (1, true))).Array[1, 4]
        from steps in Gen.Select(Kind, Gen.Int[0, clients.Length - 1], Gen.Int[0, 5], SiteVersion, ClientAddress.Array[1, 3], Gen.Bool).Array[1, 30]
        select new Scenario(
            [.. sites.Select((s, i) => new SiteSpec(CodePool[(firstCode + i) % CodePool.Length], s.Item1, s.Item2, s.Item3))],
            [.. points.Select(p => new PointSpec(p.Item1, p.Item2))],
            [.. clients.Select(c => new ClientSpec(c.Item1, c.Item1 is null ? 0 : c.Item2, c.Item3, c.Item4))],
            [.. steps.Select(s => new StepSpec(s.Item1, s.Item2, s.Item3, s.Item4, s.Item5, s.Item6))]);
}
