using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Rollouts;

/// <summary>
/// Two sites sharing 10.1.0.0/16, A01 and B01, both at SP1, and rollouts of them: tests speak of
/// rollouts by site code and of clients by their seat.
/// </summary>
internal sealed class RolloutWorld
{
    public static readonly AgentVersion Sp1 = V("2.00.1380.1000");
    public static readonly AgentVersion Sp2 = V("2.00.1493.2000");
    public static readonly AgentVersion Sp2Hotfix = V("2.00.1493.2001");

    public RolloutWorld(string a = "2.00.1380.1000", string b = "2.00.1380.1000")
    {
        World = new World(Site("A01", a, "10.1.0.0/16"), Site("B01", b, "10.1.0.0/16"));
    }

    public World World { get; }

    public SiteTable Sites => World.Sites;

    public List<Rollout> Rollouts { get; } = [];

    public List<DowngradeOrder> Orders { get; } = [];

    public NetworkAddress[] Inside { get; } = Ips("10.1.0.5");

    public RolloutPlan Plan => new(Sites, Rollouts, Orders, TimeStyle.Scenario);

    public static Rollout Rollout(string site, AgentVersion to, RolloutState state, long window = 0, long spreadStart = 0, string id = "sp2") => new()
    {
        Id = id,
        Site = Code(site),
        From = Sp1,
        To = to,
        Window = window,
        State = state,
        SpreadStart = spreadStart,
        PilotCount = 1,
    };

    public Decision Maintenance(AgentVersion? installed, SiteSet sites, long now, params RolloutSeat[] seats) =>
        Decide.Maintenance(Sites, new ClientFacts(installed, sites, Inside), new Serving(Plan, now, SeatsFor(seats)));

    public Decision Logon(AgentVersion? installed, SiteSet sites, LogonPoint point, long now, params RolloutSeat[] seats) =>
        Decide.Logon(Sites, point, new ClientFacts(installed, sites, Inside), new Serving(Plan, now, SeatsFor(seats)));

    // Tests give seats only where they matter; the rest sit at offset 0, not in the pilot.
    private RolloutSeat[] SeatsFor(RolloutSeat[] seats)
    {
        var all = new RolloutSeat[Plan.Active.Count];
        seats.AsSpan(0, Math.Min(seats.Length, all.Length)).CopyTo(all);
        return all;
    }
}
