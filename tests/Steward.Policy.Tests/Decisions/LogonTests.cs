using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Decisions;

public class LogonTests
{
    // A01 SP1, B01 SP2 and C01 SP2 hotfix 1 participate on DC1; X01 (SP2) is another site's; D01's boundaries cannot be read.
    private static World Hierarchy() => new(
        Site("A01", "2.00.1380.1000", "10.1.0.0/16", "10.3.0.10-10.3.0.200"),
        Site("B01", "2.00.1493.2000", "10.1.0.0/16", "10.2.0.0/16", "2001:db8:2::/48"),
        Site("C01", "2.00.1493.2001", "10.2.0.0/16", "10.4.0.7"),
        Site("X01", "2.00.1493.2000", "10.9.0.0/16"),
        Site("Z01", "2.00.1493.3000", "10.8.0.0/16"),
        UnreadableSite("D01", "2.00.1493.4000"));

    // -- R1: a computer without an agent --------------------------------------------------------

    [Fact]
    public void Logon_NewClientOutsideEveryParticipatingSite_NotInBoundaries_NothingInstalled()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(null, SiteSet.Empty, Ips("10.9.0.5")));

        Assert.Equal(Outcome.NotInBoundaries, d.Outcome);
        Assert.Null(d.VersionAfter);
        Assert.True(d.SitesAfter.IsEmpty);
        Assert.False(d.DeliversPackage);
        Text.Mentions(d.Reason.Render(w.Sites), "DC1", "A01, B01", "nothing was installed");
    }

    [Fact]
    public void Logon_NewClientWithOnlyAddressesThatIdentifyNothing_NotInBoundaries()
    {
        var w = new World(Site("A01", "2.00.1493.2000", "0.0.0.0/0", "::/0"));

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01"), new ClientFacts(null, SiteSet.Empty, Ips("0.0.0.0", "127.0.0.1", "169.254.3.4", "::", "::1", "fe80::1")));

        Assert.Equal(Outcome.NotInBoundaries, d.Outcome);
        Assert.Null(d.VersionAfter);
    }

    [Fact]
    public void Logon_NewClientInsideASiteOfAnotherLogonPoint_NotInBoundaries()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(null, SiteSet.Empty, Ips("10.9.0.5")));

        Assert.Equal(Outcome.NotInBoundaries, d.Outcome);
        Assert.True(d.SitesAfter.IsEmpty); // X01 contains it, but does not participate on DC1
    }

    [Fact]
    public void Logon_NewClientInsideAParticipatingSiteWithUnreadableBoundaries_NotInBoundaries()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "B01", "D01"), new ClientFacts(null, SiteSet.Empty, Ips("10.7.0.1")));

        Assert.Equal(Outcome.NotInBoundaries, d.Outcome);
    }

    [Fact]
    public void Logon_NoParticipatingSite_NotInBoundaries()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, new LogonPoint("EMPTY", SiteSet.Empty), new ClientFacts(null, SiteSet.Empty, Ips("10.1.0.5")));

        Assert.Equal(Outcome.NotInBoundaries, d.Outcome);
        Assert.Equal(-1, d.Reason.OfferedBy);
        Text.Mentions(d.Reason.Render(w.Sites), "EMPTY", "(none)");
    }

    [Fact]
    public void Logon_NewClientOnlyInsideSitesOlderThanThePackage_NoCompatibleSite_NamingCandidatesAndLines()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(null, SiteSet.Empty, Ips("10.3.0.50")));

        Assert.Equal(Outcome.NoCompatibleSite, d.Outcome);
        Assert.Null(d.VersionAfter);
        Assert.True(d.SitesAfter.IsEmpty);
        Assert.False(d.DeliversPackage);
        Assert.Equal(w.Set("A01"), d.Reason.Considered);
        Text.Mentions(d.Reason.Render(w.Sites), "DC1", "A01 (line 2.00.1380.1xxx)", "2.00.1493.2000", "senior site B01", "line 2.00.1493.2xxx", "nothing was installed");
    }

    [Fact]
    public void Logon_NewClient_NamedSeniorCarriesTheOlderPackage_InstallsItAndAssignsToEveryContainingSite()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.PointWithSenior("DC1", "A01", "A01", "B01"), new ClientFacts(null, SiteSet.Empty, Ips("10.1.0.5")));

        Assert.Equal(Outcome.Installed, d.Outcome);
        Assert.Equal(V("2.00.1380.1000"), d.VersionAfter);
        Assert.Equal(["A01", "B01"], w.Codes(d.SitesAfter)); // both lines can manage an SP1 agent
        Text.Mentions(d.Reason.Render(w.Sites), "installed 2.00.1380.1000", "senior site A01", "A01, B01");
    }

    [Fact]
    public void Logon_NewClientInsideSeveralCompatibleSites_IsAssignedToEachOfThem()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01", "C01"), new ClientFacts(null, SiteSet.Empty, Ips("10.2.0.5", "10.3.0.20")));

        Assert.Equal(Outcome.Installed, d.Outcome);
        Assert.Equal(V("2.00.1493.2001"), d.VersionAfter); // C01 is senior: newest version
        Assert.Equal(["B01", "C01"], w.Codes(d.SitesAfter)); // A01 (SP1) is refused
        Assert.Equal(w.Set("A01"), d.Reason.Refused);
    }

    [Fact]
    public void Logon_NewClientReportingAnIPv6Address_IsInsideTheIPv6Boundary()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(null, SiteSet.Empty, Ips("fe80::1", "2001:db8:2::42")));

        Assert.Equal(Outcome.Installed, d.Outcome);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
    }

    [Fact]
    public void Logon_NewClientReportingAnIPv4MappedAddress_IsInsideTheIPv4Boundary()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(null, SiteSet.Empty, Ips("::ffff:10.2.0.9")));

        Assert.Equal(Outcome.Installed, d.Outcome);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
    }

    // -- R2: a computer with an agent ------------------------------------------------------------

    [Fact]
    public void Logon_SamePackage_UpToDate()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(V("2.00.1493.2000"), w.Set("B01"), Ips("10.2.0.5")));

        Assert.Equal(Outcome.UpToDate, d.Outcome);
        Assert.Equal(V("2.00.1493.2000"), d.VersionAfter);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
        Assert.False(d.DeliversPackage);
        Text.Mentions(d.Reason.Render(w.Sites), "DC1", "the installed version 2.00.1493.2000 is the logon point's package", "B01");
    }

    [Fact]
    public void Logon_OlderPackage_ClientNewer_NeverDowngrades()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(V("2.00.1493.3000"), w.Set("Z01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.ClientNewer, d.Outcome);
        Assert.Equal(V("2.00.1493.3000"), d.VersionAfter);
        Assert.Equal(UpgradeKind.None, d.Kind);
        Assert.Equal(["Z01"], w.Codes(d.SitesAfter)); // neither SP1 A01 nor SP2 B01 can manage SP3
        Assert.Equal(w.Set("A01", "B01"), d.Reason.Refused);
        Text.Mentions(d.Reason.Render(w.Sites), "2.00.1493.3000 is newer than the logon point's package 2.00.1493.2000", "nothing is downgraded", "Not assigned to A01 (line 2.00.1380.1xxx), B01 (line 2.00.1493.2xxx)");
    }

    [Fact]
    public void Logon_OlderHotfixPackage_ClientNewer_ButAssignedToTheSiteOnItsLine()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "B01", "C01"), new ClientFacts(V("2.00.1493.2999"), w.Set("C01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.ClientNewer, d.Outcome);
        Assert.Equal(V("2.00.1493.2999"), d.VersionAfter);
        Assert.Equal(["B01", "C01"], w.Codes(d.SitesAfter)); // B01 has the same line: compatible
        Text.Mentions(d.Reason.Render(w.Sites), "Also assigned to B01");
    }

    [Fact]
    public void Logon_HotfixPackage_HotfixApplied_AndAssignedToSitesThatManageTheNewVersion()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01", "C01"), new ClientFacts(V("2.00.1493.2000"), w.Set("B01"), Ips("10.2.0.5", "10.1.0.5")));

        Assert.Equal(Outcome.HotfixApplied, d.Outcome);
        Assert.Equal(UpgradeKind.Hotfix, d.Kind);
        Assert.Equal(V("2.00.1493.2001"), d.VersionAfter);
        Assert.Equal(["B01", "C01"], w.Codes(d.SitesAfter));
        Assert.Equal(w.Set("C01"), d.Reason.Added);
        Assert.Equal(w.Set("A01"), d.Reason.Refused);
        Text.Mentions(d.Reason.Render(w.Sites), "2.00.1493.2001", "senior site C01", "hotfix of the installed 2.00.1493.2000", "Also assigned to C01", "Not assigned to A01");
    }

    [Fact]
    public void Logon_InternationalPackOnTheSameLine_IsAHotfix()
    {
        var w = new World(Site("B01", "2.00.1493.2450", "10.2.0.0/16"));

        var d = Decide.Logon(w.Sites, w.Point("DC1", "B01"), new ClientFacts(V("2.00.1493.2000"), w.Set("B01"), Ips("10.2.0.5")));

        Assert.Equal(Outcome.HotfixApplied, d.Outcome);
        Assert.Equal(V("2.00.1493.2450"), d.VersionAfter);
    }

    [Fact]
    public void Logon_SignificantlyNewerPackage_DefersToMaintenance()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(V("2.00.1239.0000"), w.Set("A01"), Ips("10.3.0.20")));

        Assert.Equal(Outcome.DeferredToMaintenance, d.Outcome);
        Assert.Equal(V("2.00.1239.0000"), d.VersionAfter);
        Assert.Equal(["A01"], w.Codes(d.SitesAfter));
        Text.Mentions(d.Reason.Render(w.Sites), "line 2.00.1239.0xxx to 2.00.1493.2xxx", "maintenance cycle", "A01 already serves a significant upgrade (2.00.1380.1000 at A01)");
    }

    [Fact]
    public void Logon_VisitorNeitherAssignedToNorInsideAParticipatingSite_NotInBoundaries_NothingChanges()
    {
        var w = Hierarchy();

        // The logon point carries a hotfix of the visitor's version, and still must not patch it.
        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01", "C01"), new ClientFacts(V("2.00.1493.2000"), w.Set("X01"), Ips("10.9.0.5")));

        Assert.Equal(Outcome.NotInBoundaries, d.Outcome);
        Assert.Equal(V("2.00.1493.2000"), d.VersionAfter);
        Assert.Equal(["X01"], w.Codes(d.SitesAfter));
        Assert.Equal(UpgradeKind.None, d.Kind);
        Text.Mentions(d.Reason.Render(w.Sites), "DC1", "neither assigned to nor inside", "A01, B01, C01", "nothing changed");
    }

    [Fact]
    public void Logon_AssignedToAParticipatingSiteButOutsideAll_IsServed()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "B01", "C01"), new ClientFacts(V("2.00.1493.2000"), w.Set("B01"), Ips("192.168.1.1")));

        Assert.Equal(Outcome.HotfixApplied, d.Outcome);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter)); // not inside C01, so not added
    }

    [Fact]
    public void Logon_AssignedToAParticipatingSiteWithUnreadableBoundaries_IsServed()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "D01"), new ClientFacts(V("2.00.1493.4000"), w.Set("D01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.UpToDate, d.Outcome);
        Assert.Equal(["D01"], w.Codes(d.SitesAfter));
    }

    [Fact]
    public void Logon_InstalledClientWithoutSites_InsideAParticipatingSite_IsAssignedAgain()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(V("2.00.1493.2000"), SiteSet.Empty, Ips("10.1.0.5")));

        Assert.Equal(Outcome.UpToDate, d.Outcome);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
        Assert.Equal(w.Set("A01"), d.Reason.Refused);
    }

    [Fact]
    public void Logon_KeepsExistingAssignments_AndAddsNewOnes()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(V("2.00.1380.1000"), w.Set("X01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.DeferredToMaintenance, d.Outcome);
        Assert.Equal(["A01", "B01", "X01"], w.Codes(d.SitesAfter));
        Assert.Equal(w.Set("A01", "B01"), d.Reason.Added);
    }

    [Fact]
    public void Logon_AfterASiteUpgrade_TheLogonPointCarriesTheNewSeniorPackage()
    {
        var w = Hierarchy();
        var dc1 = w.Point("DC1", "A01", "B01");
        w.SetVersion("A01", "2.00.1493.2005");

        var d = Decide.Logon(w.Sites, dc1, new ClientFacts(V("2.00.1493.2000"), w.Set("B01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.HotfixApplied, d.Outcome);
        Assert.Equal(V("2.00.1493.2005"), d.VersionAfter);
        Assert.Equal(["A01", "B01"], w.Codes(d.SitesAfter));
    }

    [Fact]
    public void Logon_NullTable_Throws()
    {
        var point = new LogonPoint("DC1", SiteSet.Of(0));

        Assert.Throws<ArgumentNullException>(() => Decide.Logon(null!, point, new ClientFacts(null, SiteSet.Empty, [])));
    }

    [Fact]
    public void Logon_Reason_RecordsTriggerLogonPointAndVersions()
    {
        var w = Hierarchy();

        var d = Decide.Logon(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(V("2.00.1380.1000"), w.Set("A01"), Ips("10.1.0.5")));

        Assert.Equal(Trigger.Logon, d.Reason.Trigger);
        Assert.Equal(Outcome.DeferredToMaintenance, d.Reason.Outcome);
        Assert.Equal("DC1", d.Reason.LogonPoint);
        Assert.Equal(V("2.00.1380.1000"), d.Reason.Installed);
        Assert.Equal(V("2.00.1493.2000"), d.Reason.Offered);
        Assert.Equal(w["B01"], d.Reason.OfferedBy);
        Assert.StartsWith("Logon at logon point DC1", d.Reason.Render(w.Sites), StringComparison.Ordinal);
    }
}
