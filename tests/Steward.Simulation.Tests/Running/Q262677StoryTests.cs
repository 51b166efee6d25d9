using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary>
/// The story of Q262677 through the runner: site A01 at SP1 and B01 at SP2 share logon point DC1,
/// whose package is B01's; logon points never apply a service pack, the maintenance cycle does.
/// </summary>
public sealed class Q262677StoryTests
{
    private const string Sp1 = "2.00.1380.1000";
    private const string Sp2 = "2.00.1493.2000";

    private static readonly SimulationRun Run = SimulationRunner.Run(
        new ScenarioBuilder()
            .Site("A01", Sp1, "10.1.0.0/16")
            .Site("B01", Sp2, "10.1.0.0/16", "10.2.0.0/16")
            .LogonPoint("DC1", ["A01", "B01"])
            .Client("PC-NEW", ["10.1.0.20"])
            .Client("PC-OLD", ["10.1.0.5"], Sp1, ["A01"])
            .Client("PC-LATE", ["10.1.7.9"])
            .Logon("PC-NEW", "DC1")
            .Logon("PC-OLD", "DC1")
            .Maintenance("PC-OLD")
            .SiteVersion("A01", Sp2)
            .Logon("PC-OLD", "DC1")
            .Logon("PC-LATE", "DC1")
            .Install("PC-LATE", "DC1")
            .Maintenance("PC-OLD")
            .Build());

    [Fact]
    public void Run_AnswersEveryStepInOrder()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Run.Results.Select(r => r.Number));
        Assert.Equal(["logon", "logon", "maintenance", "siteVersion", "logon", "logon", "install", "maintenance"], Run.Results.Select(r => r.Action));
    }

    [Fact]
    public void Logon_NewComputer_InstalledWithSeniorPackageAndAssignedToCompatibleSiteOnly()
    {
        var r = Client(1);
        Assert.Equal("PC-NEW", r.Client);
        Assert.Equal("DC1", r.LogonPoint);
        Assert.Equal(Outcome.Installed, r.Outcome);
        Assert.Null(r.VersionBefore);
        Assert.Equal(V(Sp2), r.VersionAfter);
        Assert.Empty(r.SitesBefore);
        Assert.Equal(["B01"], Codes(r.SitesAfter));
        Assert.Equal(UpgradeKind.None, r.Kind);
        Assert.Contains("A01", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Logon_Sp1Client_DefersSignificantUpgradeAndAddsCompatibleSite()
    {
        var r = Client(2);
        Assert.Equal(Outcome.DeferredToMaintenance, r.Outcome);
        Assert.Equal(V(Sp1), r.VersionBefore);
        Assert.Equal(V(Sp1), r.VersionAfter);
        Assert.Equal(["A01"], Codes(r.SitesBefore));
        Assert.Equal(["A01", "B01"], Codes(r.SitesAfter));
        Assert.Contains("maintenance cycle", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Maintenance_AfterDeferral_UpgradesSignificantlyAndDropsOldSite()
    {
        var r = Client(3);
        Assert.Equal(Outcome.Upgraded, r.Outcome);
        Assert.Equal(UpgradeKind.Significant, r.Kind);
        Assert.Null(r.LogonPoint);
        Assert.Equal(V(Sp1), r.VersionBefore);
        Assert.Equal(V(Sp2), r.VersionAfter);
        Assert.Equal(["B01"], Codes(r.SitesAfter));
    }

    [Fact]
    public void SiteVersion_AnswersAppliedAndTheLogonPointFollowsTheSeniorSite()
    {
        var r = Assert.IsType<AppliedStepResult>(Run.Results[3]);
        Assert.Null(r.Client);
        Assert.Contains("A01 now serves 2.00.1493.2000", r.Reason, StringComparison.Ordinal);
        // A01 and B01 now tie at SP2: the lowest code becomes the senior site.
        Assert.Contains("Logon point DC1 now carries 2.00.1493.2000 (senior site A01)", r.Reason, StringComparison.Ordinal);
        Assert.Equal(V(Sp2), Run.Sites[Run.Sites.IndexOf(SiteCode.ParseExact("A01"))].Version);
    }

    [Fact]
    public void Logon_AfterSiteUpgrade_UpToDateAndAssignedToTheUpgradedSiteAgain()
    {
        var r = Client(5);
        Assert.Equal(Outcome.UpToDate, r.Outcome);
        Assert.Equal(["B01"], Codes(r.SitesBefore));
        Assert.Equal(["A01", "B01"], Codes(r.SitesAfter));
    }

    [Fact]
    public void Logon_NewComputerAfterSiteUpgrade_InstalledAndAssignedToBothSites()
    {
        var r = Client(6);
        Assert.Equal(Outcome.Installed, r.Outcome);
        Assert.Equal(["A01", "B01"], Codes(r.SitesAfter));
        var again = Client(7);
        Assert.Equal(Outcome.UpToDate, again.Outcome);
        Assert.Contains("Manual install", again.Reason, StringComparison.Ordinal);
        Assert.Equal(["A01", "B01"], Codes(again.SitesAfter));
    }

    [Fact]
    public void Maintenance_AfterEverything_UpToDateWithBothSites()
    {
        var r = Client(8);
        Assert.Equal(Outcome.UpToDate, r.Outcome);
        Assert.Equal(UpgradeKind.None, r.Kind);
        Assert.Equal(["A01", "B01"], Codes(r.SitesAfter));
    }

    [Fact]
    public void Fleet_EndsWithEveryClientAtSp2OnBothSites()
    {
        var fleet = Run.Fleet;
        Assert.Equal(3, fleet.Count);
        Assert.Equal(3, fleet.NamedCount);
        Assert.Equal(["PC-NEW", "PC-OLD", "PC-LATE"], Enumerable.Range(0, 3).Select(fleet.NameOf));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(V(Sp2), fleet.InstalledOf(i)));
        Assert.Equal("B01", Run.Sites.Format(fleet.SitesOf(0)));
        Assert.Equal("A01, B01", Run.Sites.Format(fleet.SitesOf(1)));
        Assert.Equal("A01, B01", Run.Sites.Format(fleet.SitesOf(2)));
    }

    private static ClientStepResult Client(int step) => Assert.IsType<ClientStepResult>(Run.Results[step - 1]);

    private static AgentVersion V(string text) => AgentVersion.Parse(text);

    private static string[] Codes(IReadOnlyList<SiteCode> codes) => [.. codes.Select(c => c.ToString())];
}
