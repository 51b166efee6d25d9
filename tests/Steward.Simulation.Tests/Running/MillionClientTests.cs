using Steward.Policy.Decisions;
using Steward.Policy.Versions;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary>
/// A fleet of a million generated clients (the shape of <c>bench/scenarios/million.yaml</c>) runs
/// logonAll, maintenanceAll, logonAll with the counts the rules predict, in a compact fleet.
/// </summary>
public sealed class MillionClientTests
{
    [Fact]
    public void MillionClients_LogonAllMaintenanceAllLogonAll_CountsFollowTheRules()
    {
        var scenario = new ScenarioBuilder()
            .Site("A01", "2.00.1380.1000", "10.0.0.0/10")
            .Site("B01", "2.00.1493.2000", "10.32.0.0/11", "10.96.0.0/11")
            .Site("C01", "2.00.1380.1002", "10.64.0.0/10", "172.16.0.0/12")
            .LogonPoint("DC1", ["A01", "B01", "C01"])
            .Client("PC-NEW", ["10.1.0.6"])
            // The upper half of each of the first two blocks is also inside B01 (10.32/11 and 10.96/11).
            .Generate(400_000, "WA", "10.0.0.0/10", "2.00.1380.1000", ["A01"])
            .Generate(300_000, "WC", "10.64.0.0/10", "2.00.1380.1001", ["C01"])
            .Generate(300_000, "WN", "172.16.0.0/12")
            .LogonAll("DC1")
            .MaintenanceAll()
            .LogonAll("DC1")
            .Build();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var session = SimulationSession.Start(scenario);
        var fleetBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        var run = session.RunToEnd();

        Assert.Equal(1_000_001, run.Fleet.Count);
        // About 57 bytes a client: version 8, flags 1, one site word 8, address offset and count 8, one address 32.
        Assert.InRange(fleetBytes, 0, 80L * 1_000_001);

        // The logon point carries B01's SP2: a service pack for every agent, and too new for A01 and C01's new computers.
        AssertCounts(run.Results[0], (Outcome.NoCompatibleSite, 300_001), (Outcome.DeferredToMaintenance, 700_000));
        AssertKinds(run.Results[0]);
        // Clients inside B01 too upgrade to SP2 and drop their SP1 site; the rest of C01 gets C01's hotfix.
        AssertCounts(run.Results[1], (Outcome.UpToDate, 200_000), (Outcome.Upgraded, 500_000), (Outcome.NotInstalled, 300_001));
        AssertKinds(run.Results[1], (UpgradeKind.Hotfix, 150_000), (UpgradeKind.Significant, 350_000));
        AssertCounts(run.Results[2], (Outcome.NoCompatibleSite, 300_001), (Outcome.UpToDate, 350_000), (Outcome.DeferredToMaintenance, 350_000));

        var summary = run.Summary;
        Assert.Equal([(V("2.00.1380.1000"), 200_000L)], summary.Sites[0].Clients.Select(c => (c.Version, c.Count)));
        Assert.Equal([(V("2.00.1493.2000"), 350_000L)], summary.Sites[1].Clients.Select(c => (c.Version, c.Count)));
        Assert.Equal([(V("2.00.1380.1002"), 150_000L)], summary.Sites[2].Clients.Select(c => (c.Version, c.Count)));
        Assert.Equal([((AgentVersion?)null, 300_001L)], summary.WithoutSite.Select(c => (c.Version, c.Count)));

        Assert.Equal("WA200001", run.Fleet.NameOf(200_001));
        Assert.Equal("B01", run.Sites.Format(run.Fleet.SitesOf(200_001)));
        Assert.Equal("WN300000", run.Fleet.NameOf(1_000_000));
        Assert.Equal(1_000_000, run.Fleet.IndexOf("WN300000"));
    }

    [Fact]
    public void MillionClientBlock_NamesHaveSevenDigits()
    {
        var fleet = SimulationSession.Start(new ScenarioBuilder().Generate(1_000_000, "BIG", "10.0.0.0/8").Build()).Fleet;

        Assert.Equal("BIG0000001", fleet.NameOf(0));
        Assert.Equal("BIG1000000", fleet.NameOf(999_999));
        Assert.Equal(999_999, fleet.IndexOf("BIG1000000"));
        Assert.Equal(-1, fleet.IndexOf("BIG000001"));
        Assert.Equal("10.255.255.239", fleet.AddressesOf(999_999)[0].ToString());
    }

    private static void AssertCounts(StepResult result, params (Outcome Outcome, long Count)[] expected) =>
        Assert.Equal(expected.OrderBy(e => e.Outcome), Assert.IsType<BulkStepResult>(result).Outcomes.Select(c => (c.Outcome, c.Count)));

    private static void AssertKinds(StepResult result, params (UpgradeKind Kind, long Count)[] expected) =>
        Assert.Equal(expected, Assert.IsType<BulkStepResult>(result).Kinds.Select(c => (c.Kind, c.Count)));

    private static AgentVersion? V(string text) => AgentVersion.Parse(text);
}
