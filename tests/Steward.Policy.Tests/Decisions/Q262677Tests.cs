using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Decisions;

/// <summary>The examples of Knowledge Base article Q262677 and docs/RULES.md section 3, step by step.</summary>
public class Q262677Tests
{
    // Site A runs SP1 and site B runs SP2; they share the logon point DC1.
    private static World Hierarchy() => new(
        Site("A01", "2.00.1380.1000", "10.1.0.0/16", "10.3.0.10-10.3.0.200"),
        Site("B01", "2.00.1493.2000", "10.1.0.0/16", "10.2.0.0/16"));

    [Fact]
    public void Logon_NewClientInsideBothSites_IsInstalledWithTheSeniorPackage_AndAssignedToTheSp2SiteOnly()
    {
        var w = Hierarchy();
        var dc1 = w.Point("DC1", "A01", "B01");

        var d = Decide.Logon(w.Sites, dc1, new ClientFacts(null, SiteSet.Empty, Ips("10.1.0.6")));

        Assert.Equal(Outcome.Installed, d.Outcome);
        Assert.Equal(V("2.00.1493.2000"), d.VersionAfter);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
        Assert.Equal(UpgradeKind.None, d.Kind);
        Assert.True(d.DeliversPackage);
        Text.Mentions(d.Reason.Render(w.Sites), "DC1", "installed 2.00.1493.2000", "senior site B01", "assigned the computer to B01", "A01 (line 2.00.1380.1xxx)", "mixed install");
    }

    [Fact]
    public void Logon_Sp1ClientInsideBothSites_IsDeferredToMaintenance_AndTheReasonSaysItsSiteServesTheUpgrade()
    {
        var w = Hierarchy();
        var dc1 = w.Point("DC1", "A01", "B01");

        var d = Decide.Logon(w.Sites, dc1, new ClientFacts(V("2.00.1380.1000"), w.Set("A01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.DeferredToMaintenance, d.Outcome);
        Assert.Equal(V("2.00.1380.1000"), d.VersionAfter); // nothing copied, nothing run
        Assert.False(d.DeliversPackage);
        Assert.Equal(UpgradeKind.None, d.Kind);
        Assert.Equal(["A01", "B01"], w.Codes(d.SitesAfter)); // B01 can manage an SP1 agent, so it is added
        var reason = d.Reason.Render(w.Sites);
        Text.Mentions(reason, "2.00.1493.2000", "2.00.1380.1000", "significant upgrade", "only through the maintenance cycle", "access point", "B01 already serves a significant upgrade");
        Assert.Equal(w.Set("B01"), d.Reason.Serving);
    }

    [Fact]
    public void Logon_Sp1ClientOnlyInsideTheSp1Site_IsDeferred_AndTheReasonSaysNoSiteServesTheUpgradeYet()
    {
        var w = Hierarchy();
        var dc1 = w.Point("DC1", "A01", "B01");

        var d = Decide.Logon(w.Sites, dc1, new ClientFacts(V("2.00.1380.1000"), w.Set("A01"), Ips("10.3.0.50")));

        Assert.Equal(Outcome.DeferredToMaintenance, d.Outcome);
        Assert.Equal(["A01"], w.Codes(d.SitesAfter));
        Assert.True(d.Reason.Serving.IsEmpty);
        Text.Mentions(d.Reason.Render(w.Sites), "significant upgrade", "only through the maintenance cycle", "None of the client's sites serves a significant upgrade yet");
    }

    [Fact]
    public void Maintenance_AfterDeferral_UpgradesSignificantly_AndDropsTheSiteThatCannotManageTheNewVersion()
    {
        var w = Hierarchy();

        var d = Decide.Maintenance(w.Sites, new ClientFacts(V("2.00.1380.1000"), w.Set("A01", "B01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.Upgraded, d.Outcome);
        Assert.Equal(UpgradeKind.Significant, d.Kind);
        Assert.Equal(V("2.00.1493.2000"), d.VersionAfter);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
        Assert.Equal(w.Set("A01"), d.Reason.DroppedIncompatible);
        Text.Mentions(d.Reason.Render(w.Sites), "site B01 serves 2.00.1493.2000", "significant upgrade", "2.00.1380.1xxx to 2.00.1493.2xxx", "Dropped A01 (line 2.00.1380.1xxx) after the upgrade");
    }

    [Fact]
    public void WholeStory_LogonDefers_MaintenanceUpgrades_NextLogonIsUpToDate()
    {
        var w = Hierarchy();
        var dc1 = w.Point("DC1", "A01", "B01");
        var addresses = Ips("10.1.0.5");

        var logon = Decide.Logon(w.Sites, dc1, new ClientFacts(V("2.00.1380.1000"), w.Set("A01"), addresses));
        var maintenance = Decide.Maintenance(w.Sites, new ClientFacts(logon.VersionAfter, logon.SitesAfter, addresses));
        var again = Decide.Logon(w.Sites, dc1, new ClientFacts(maintenance.VersionAfter, maintenance.SitesAfter, addresses));

        Assert.Equal(
            [Outcome.DeferredToMaintenance, Outcome.Upgraded, Outcome.UpToDate],
            [logon.Outcome, maintenance.Outcome, again.Outcome]);
        Assert.Equal(V("2.00.1493.2000"), again.VersionAfter);
        Assert.Equal(["B01"], w.Codes(again.SitesAfter)); // A01 is not re-added: SP1 cannot manage SP2
        Assert.Equal(w.Set("A01"), again.Reason.Refused);
    }

    [Fact]
    public void Logon_ClientAt1380_0000_WithPackage1999_2000_BootstrapQuits()
    {
        var w = new World(Site("S01", "2.00.1999.2000", "10.1.0.0/16"), Site("S02", "2.00.1380.0000", "10.1.0.0/16"));

        var d = Decide.Logon(w.Sites, w.Point("LP", "S01"), new ClientFacts(V("2.00.1380.0000"), w.Set("S02"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.DeferredToMaintenance, d.Outcome);
        Assert.Equal(V("2.00.1380.0000"), d.VersionAfter);
        Text.Mentions(d.Reason.Render(w.Sites), "2.00.1999.2000", "2.00.1380.0000");
    }

    [Fact]
    public void Logon_ClientAt1999_2000_WithPackage1999_2001_AppliesTheHotfix()
    {
        var w = new World(Site("S01", "2.00.1999.2001", "10.1.0.0/16"));

        var d = Decide.Logon(w.Sites, w.Point("LP", "S01"), new ClientFacts(V("2.00.1999.2000"), w.Set("S01"), Ips("10.1.0.5")));

        Assert.Equal(Outcome.HotfixApplied, d.Outcome);
        Assert.Equal(UpgradeKind.Hotfix, d.Kind);
        Assert.Equal(V("2.00.1999.2001"), d.VersionAfter);
        Assert.True(d.DeliversPackage);
        Text.Mentions(d.Reason.Render(w.Sites), "2.00.1999.2001", "is a hotfix of the installed 2.00.1999.2000", "2.00.1999.2xxx");
    }
}
