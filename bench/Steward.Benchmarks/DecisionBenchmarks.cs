using BenchmarkDotNet.Attributes;
using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Benchmarks;

/// <summary>
/// One decision of each rule on the Q262677 hierarchy (site A01 at SP1 and B01 at SP2 sharing a
/// logon point). Target: under 100 ns and no allocation per decision.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private static readonly AgentVersion Sp1 = AgentVersion.Parse("2.00.1380.1000");
    private readonly NetworkAddress[] _addresses = [NetworkAddress.ParseExact("10.1.0.5")];
    private SiteTable _sites = null!;
    private LogonPoint _point;
    private SiteSet _a;
    private SiteSet _both;

    [GlobalSetup]
    public void Setup()
    {
        _sites = new SiteTable(
        [
            new Site(SiteCode.ParseExact("A01"), Sp1, [Boundary.ParseExact("10.1.0.0/16"), Boundary.ParseExact("10.3.0.10-10.3.0.200")]),
            new Site(SiteCode.ParseExact("B01"), AgentVersion.Parse("2.00.1493.2000"), [Boundary.ParseExact("10.1.0.0/16"), Boundary.ParseExact("10.2.0.0/16")]),
        ]);
        _point = new LogonPoint("DC1", _sites.All);
        _a = SiteSet.Of(0);
        _both = _sites.All;
    }

    [Benchmark(Description = "R1 logon, new computer: Installed")]
    public Outcome LogonNewComputer() => Decide.Logon(_sites, _point, new ClientFacts(null, SiteSet.Empty, _addresses)).Outcome;

    [Benchmark(Description = "R2 logon, SP1 client: DeferredToMaintenance")]
    public Outcome LogonOldClient() => Decide.Logon(_sites, _point, new ClientFacts(Sp1, _a, _addresses)).Outcome;

    [Benchmark(Description = "R3 maintenance, SP1 client at A01+B01: Upgraded")]
    public Outcome MaintenanceUpgrade() => Decide.Maintenance(_sites, new ClientFacts(Sp1, _both, _addresses)).Outcome;

    [Benchmark(Description = "Reason.Render (only when someone reads it)")]
    public string RenderReason() => Decide.Logon(_sites, _point, new ClientFacts(Sp1, _a, _addresses)).Reason.Render(_sites);
}
