using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Decisions;

public class MaintenanceTests
{
    private static World Hierarchy() => new(
        Site("A01", "2.00.1380.1000", "10.1.0.0/16", "10.3.0.10-10.3.0.200"),
        Site("B01", "2.00.1493.2000", "10.1.0.0/16", "10.2.0.0/16"),
        Site("C01", "2.00.1493.2003", "10.2.0.0/16"),
        Site("E01", "2.00.1493.3000", "10.5.0.0/16"),
        UnreadableSite("D01", "2.00.1493.2000"));

    [Fact]
    public void Maintenance_NoAgent_NotInstalled()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(null, SiteSet.Empty, Ips("10.1.0.5")));

        Assert.Equal(Outcome.NotInstalled, d.Outcome);
        Assert.Null(d.VersionAfter);
        Assert.True(d.SitesAfter.IsEmpty);
        Assert.False(d.DeliversPackage);
        Text.Mentions(d.Reason.Render(w.Sites), "no agent", "no maintenance cycle");
    }

    [Fact]
    public void Maintenance_AgentWithoutSite_NotAssigned()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1380.1000"), SiteSet.Empty, Ips("10.1.0.5")));

        Assert.Equal(Outcome.NotAssigned, d.Outcome);
        Assert.Equal(V("2.00.1380.1000"), d.VersionAfter);
        Assert.True(d.SitesAfter.IsEmpty); // the maintenance cycle never assigns: only a logon point does
        Text.Mentions(d.Reason.Render(w.Sites), "2.00.1380.1000", "assigned to no site");
    }

    [Fact]
    public void Maintenance_SiteServesTheInstalledVersion_UpToDate()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1493.2000"), w.Set("B01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.UpToDate, d.Outcome);
        Assert.Equal(V("2.00.1493.2000"), d.VersionAfter);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
        Text.Mentions(d.Reason.Render(w.Sites), "Maintenance cycle", "2.00.1493.2000", "site B01");
    }

    [Fact]
    public void Maintenance_SitesServeOlderVersions_ClientNewer_NoDowngrade()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1493.2999"), w.Set("A01", "B01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.ClientNewer, d.Outcome);
        Assert.Equal(V("2.00.1493.2999"), d.VersionAfter);
        Assert.Equal(["A01", "B01"], w.Codes(d.SitesAfter)); // nothing was upgraded, so nothing is dropped for compatibility
        Text.Mentions(d.Reason.Render(w.Sites), "2.00.1493.2999 is newer", "newest: 2.00.1493.2000 at site B01", "nothing is downgraded");
    }

    [Fact]
    public void Maintenance_NewerHotfixAtASite_UpgradedWithKindHotfix()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1493.2000"), w.Set("B01", "C01"), Ips("10.2.0.5")));

        Assert.Equal(Outcome.Upgraded, d.Outcome);
        Assert.Equal(UpgradeKind.Hotfix, d.Kind);
        Assert.Equal(V("2.00.1493.2003"), d.VersionAfter);
        Assert.Equal(["B01", "C01"], w.Codes(d.SitesAfter)); // B01 is on the same line: still compatible
        Assert.True(d.DeliversPackage);
        Text.Mentions(d.Reason.Render(w.Sites), "site C01 serves 2.00.1493.2003", "a hotfix (line 2.00.1493.2xxx)", "installed 2.00.1493.2000");
    }

    [Fact]
    public void Maintenance_NewerServicePack_UpgradedWithKindSignificant_AndIncompatibleSitesDroppedWithReason()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1239.0000"), w.Set("A01", "B01", "C01"), Ips("10.1.0.5", "10.2.0.5")));

        Assert.Equal(Outcome.Upgraded, d.Outcome);
        Assert.Equal(UpgradeKind.Significant, d.Kind);
        Assert.Equal(V("2.00.1493.2003"), d.VersionAfter);
        Assert.Equal(["B01", "C01"], w.Codes(d.SitesAfter));
        Assert.Equal(w.Set("A01"), d.Reason.DroppedIncompatible);
        Text.Mentions(d.Reason.Render(w.Sites), "significant upgrade (line 2.00.1239.0xxx to 2.00.1493.2xxx)", "Dropped A01 (line 2.00.1380.1xxx) after the upgrade");
    }

    [Fact]
    public void Maintenance_UpgradeDropsEverySiteOlderThanTheNewLine()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1380.1000"), w.Set("A01", "B01", "E01"), Ips("10.1.0.5", "10.5.0.5")));

        Assert.Equal(Outcome.Upgraded, d.Outcome);
        Assert.Equal(V("2.00.1493.3000"), d.VersionAfter);
        Assert.Equal(["E01"], w.Codes(d.SitesAfter));
        Text.Mentions(d.Reason.Render(w.Sites), "Dropped A01 (line 2.00.1380.1xxx), B01 (line 2.00.1493.2xxx) after the upgrade", "2.00.1493.3xxx");
    }

    [Fact]
    public void Maintenance_MovedOutOfEverySite_Unassigned_AgentStays()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1380.1000"), w.Set("A01", "B01"), Ips("192.168.7.7")));

        Assert.Equal(Outcome.Unassigned, d.Outcome);
        Assert.Equal(V("2.00.1380.1000"), d.VersionAfter);
        Assert.True(d.SitesAfter.IsEmpty);
        Assert.False(d.DeliversPackage);
        Assert.Equal(w.Set("A01", "B01"), d.Reason.DroppedOutside);
        Text.Mentions(d.Reason.Render(w.Sites), "no longer inside the boundaries of A01, B01", "2.00.1380.1000 stays installed", "logon point can assign it again");
    }

    [Fact]
    public void Maintenance_OnlyAddressesThatIdentifyNothing_Unassigned()
    {
        var w = new World(Site("A01", "2.00.1493.2000", "0.0.0.0/0", "::/0"));

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1493.2000"), w.Set("A01"), Ips("0.0.0.0", "169.254.0.9", "::1")));

        Assert.Equal(Outcome.Unassigned, d.Outcome);
    }

    [Fact]
    public void Maintenance_MovedOutOfOneSite_DropsIt_AndTheTargetComesFromTheSitesLeft()
    {
        var w = Hierarchy();

        // C01 (the newest) no longer contains the client, so its 2.00.1493.2003 is not a target any more.
        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1493.2000"), w.Set("B01", "C01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.UpToDate, d.Outcome);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
        Assert.Equal(w.Set("C01"), d.Reason.DroppedOutside);
        Text.Mentions(d.Reason.Render(w.Sites), "Dropped C01: its boundaries no longer contain the client");
    }

    [Fact]
    public void Maintenance_Travelling_KeepsSitesOutsideItsAddresses()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1493.2000"), w.Set("B01", "C01"), Ips("192.168.7.7"), Travel: true));

        Assert.Equal(Outcome.Upgraded, d.Outcome);
        Assert.Equal(V("2.00.1493.2003"), d.VersionAfter);
        Assert.Equal(["B01", "C01"], w.Codes(d.SitesAfter));
        Assert.True(d.Reason.DroppedOutside.IsEmpty);
        Assert.Equal(w.Set("B01", "C01"), d.Reason.Kept);
        Assert.True(d.Reason.Travelling);
        Text.Mentions(d.Reason.Render(w.Sites), "Kept B01, C01", "travelling");
    }

    [Fact]
    public void Maintenance_Travelling_StillDropsSitesIncompatibleAfterAnUpgrade()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1380.1000"), w.Set("A01", "B01"), Ips("192.168.7.7"), Travel: true));

        Assert.Equal(Outcome.Upgraded, d.Outcome);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
        Assert.Equal(w.Set("A01"), d.Reason.DroppedIncompatible);
    }

    [Fact]
    public void Maintenance_SiteWithUnreadableBoundaries_IsNeverDropped()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1493.2000"), w.Set("A01", "D01"), Ips("192.168.7.7")));

        Assert.Equal(Outcome.UpToDate, d.Outcome);
        Assert.Equal(["D01"], w.Codes(d.SitesAfter));
        Assert.Equal(w.Set("A01"), d.Reason.DroppedOutside);
        Assert.Equal(w.Set("D01"), d.Reason.Kept);
        Assert.False(d.Reason.Travelling);
        Text.Mentions(d.Reason.Render(w.Sites), "Dropped A01", "Kept D01", "could not be read", "missing data is never a reason to remove anything");
    }

    [Fact]
    public void Maintenance_OnlySiteHasUnreadableBoundaries_IsNotUnassigned()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1380.1000"), w.Set("D01"), []));

        Assert.Equal(Outcome.Upgraded, d.Outcome);
        Assert.Equal(["D01"], w.Codes(d.SitesAfter));
    }

    [Fact]
    public void Maintenance_AfterTheSiteIsUpgraded_UpgradesTheClient()
    {
        var w = Hierarchy();
        w.SetVersion("A01", "2.00.1493.2000");

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1380.1000"), w.Set("A01"), Ips("10.3.0.10")));

        Assert.Equal(Outcome.Upgraded, d.Outcome);
        Assert.Equal(UpgradeKind.Significant, d.Kind);
        Assert.Equal(V("2.00.1493.2000"), d.VersionAfter);
        Assert.Equal(["A01"], w.Codes(d.SitesAfter));
    }

    [Fact]
    public void Maintenance_Reason_RecordsTriggerAndTarget()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1493.2000"), w.Set("B01", "C01"), Ips("10.2.0.5")));

        Assert.Equal(Trigger.Maintenance, d.Reason.Trigger);
        Assert.Equal(Outcome.Upgraded, d.Reason.Outcome);
        Assert.Equal(V("2.00.1493.2000"), d.Reason.Installed);
        Assert.Equal(V("2.00.1493.2003"), d.Reason.Offered);
        Assert.Equal(w["C01"], d.Reason.OfferedBy);
        Assert.Null(d.Reason.LogonPoint);
    }

    [Fact]
    public void Maintenance_NullTable_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Decide.Maintenance(null!, new ClientFacts(null, SiteSet.Empty, [])));
    }
}
