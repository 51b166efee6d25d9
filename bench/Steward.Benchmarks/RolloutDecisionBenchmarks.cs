using BenchmarkDotNet.Attributes;
using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Benchmarks;

/// <summary>
/// Decisions with a rollout active (docs/RULES.md section 4): the Q262677 hierarchy with B01 spreading SP2 over
/// three days. The client's seat (pilot or not, offset in the window) is computed once per client and
/// rollout, so a decision compares integers; the hash itself is benchmarked on its own.
/// Target: under 100 ns and no allocation per decision.
/// </summary>
[MemoryDiagnoser]
public class RolloutDecisionBenchmarks
{
    private static readonly AgentVersion Sp1 = AgentVersion.Parse("2.00.1380.1000");
    private static readonly AgentVersion Sp2 = AgentVersion.Parse("2.00.1493.2000");
    private readonly NetworkAddress[] _addresses = [NetworkAddress.ParseExact("10.1.0.5")];
    private readonly RolloutSeat[] _waiting = [new(false, 200_000)];
    private readonly RolloutSeat[] _open = [new(false, 10)];
    private SiteTable _sites = null!;
    private RolloutPlan _plan = null!;
    private LogonPoint _point;
    private SiteSet _both;

    [GlobalSetup]
    public void Setup()
    {
        _sites = new SiteTable(
        [
            new Site(SiteCode.ParseExact("A01"), Sp1, [Boundary.ParseExact("10.1.0.0/16")]),
            new Site(SiteCode.ParseExact("B01"), Sp1, [Boundary.ParseExact("10.1.0.0/16"), Boundary.ParseExact("10.2.0.0/16")]),
        ]);
        var rollout = new Rollout { Id = "sp2", Site = SiteCode.ParseExact("B01"), From = Sp1, To = Sp2, Window = 259_200, State = RolloutState.Spreading, SpreadStart = 0 };
        _plan = new RolloutPlan(_sites, [rollout], [], TimeStyle.Utc);
        _point = new LogonPoint("DC1", _sites.All);
        _both = _sites.All;
    }

    [Benchmark(Description = "R3 with a rollout, gate open: Upgraded")]
    public Outcome MaintenanceOpen() => Decide.Maintenance(_sites, new ClientFacts(Sp1, _both, _addresses), new Serving(_plan, 100_000, _open)).Outcome;

    [Benchmark(Description = "R3 with a rollout, turn not come: Scheduled")]
    public Outcome MaintenanceScheduled() => Decide.Maintenance(_sites, new ClientFacts(Sp1, _both, _addresses), new Serving(_plan, 100_000, _waiting)).Outcome;

    [Benchmark(Description = "R1 with a rollout spreading: Installed")]
    public Outcome LogonNewComputer() => Decide.Logon(_sites, _point, new ClientFacts(null, SiteSet.Empty, _addresses), new Serving(_plan, 100_000, _waiting)).Outcome;

    [Benchmark(Description = "h(id + \"/\" + key): the seat's hash, once per client and rollout")]
    public ulong SeatHash() => RolloutHash.OfClient("sp2", "WS000123");
}
