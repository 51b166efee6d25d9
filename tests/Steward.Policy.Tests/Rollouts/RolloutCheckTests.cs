using Steward.Policy.Checks;
using static Steward.Policy.Tests.Make;
using static Steward.Policy.Tests.Rollouts.RolloutWorld;

namespace Steward.Policy.Tests.Rollouts;

/// <summary><c>steward check</c>'s warnings about rollouts that cannot finish or will surprise.</summary>
public class RolloutCheckTests
{
    private static readonly World Sites = new(Site("A01", "2.00.1380.1000", "10.1.0.0/16"), Site("B01", "2.00.1380.1000", "10.2.0.0/16"));

    private static PlannedRollout Planned(long window = 3 * 86_400, int haltFailures = 5, long clients = 100, params PilotClient[] pilot) =>
        new("sp2", Sites["B01"], Sp2, window, 23 * 3_600, haltFailures, clients, pilot);

    private static IEnumerable<string> Codes(PlannedRollout rollout, params Policy.Sites.LogonPoint[] points) =>
        RolloutCheck.Run(Sites.Sites, points, rollout).Select(w => w.Code);

    [Fact]
    public void ASensibleRollout_HasNoWarning() =>
        Assert.Empty(Codes(Planned(pilot: new PilotClient("PC-1", Sp1, true))));

    [Fact]
    public void APilotClientOutsideTheSite_OrAlreadyNewer_IsAWarning()
    {
        Assert.Equal(["pilot-outside-site"], Codes(Planned(pilot: new PilotClient("PC-OUT", Sp1, false))));
        Assert.Equal(["pilot-already-newer"], Codes(Planned(pilot: new PilotClient("PC-NEW", V("2.00.1493.3000"), true))));
        Assert.Empty(Codes(Planned(pilot: new PilotClient("PC-T", Sp2, true)))); // already on T: the pilot is done at the start
    }

    [Fact]
    public void AWindowShorterThanTheCycle_IsAWarning_NamingACycleLongWindow()
    {
        var warning = Assert.Single(RolloutCheck.Run(Sites.Sites, [], Planned(window: 12 * 3_600)));
        Assert.Equal("window-shorter-than-cycle", warning.Code);
        Assert.Contains("at least 23h", warning.Fix, StringComparison.Ordinal);
        Assert.Empty(Codes(Planned(window: 23 * 3_600)));
    }

    [Fact]
    public void HaltFailuresAboveTheSitesClients_IsAWarning()
    {
        Assert.Equal(["halt-never-triggers"], Codes(Planned(haltFailures: 101, clients: 100)));
        Assert.Empty(Codes(Planned(haltFailures: 100, clients: 100)));
    }

    [Fact]
    public void ATThatMakesAMixedInstallWithASiteSharingALogonPoint_IsAWarning()
    {
        var shared = Sites.Point("DC1", "A01", "B01");
        var warning = Assert.Single(RolloutCheck.Run(Sites.Sites, [shared], Planned()));
        Assert.Equal("rollout-mixed-lines", warning.Code);
        Assert.Equal(0, warning.LogonPoint);
        Assert.Contains("A01", warning.Message, StringComparison.Ordinal);
        Assert.Empty(Codes(Planned(), Sites.Point("DC2", "B01")));
    }
}
