using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Decisions;

/// <summary>Manual install takes the same decision as logon (R1, R2); only the trigger and its words differ.</summary>
public class ManualInstallTests
{
    private static World Hierarchy() => new(
        Site("A01", "2.00.1380.1000", "10.1.0.0/16", "10.3.0.10-10.3.0.200"),
        Site("B01", "2.00.1493.2000", "10.1.0.0/16", "10.2.0.0/16"));

    [Fact]
    public void ManualInstall_NewClientInsideBothSites_InstalledAndAssignedToTheSp2SiteOnly()
    {
        var w = Hierarchy();

        var d = Decide.ManualInstall(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(null, SiteSet.Empty, Ips("10.1.0.6")));

        Assert.Equal(Outcome.Installed, d.Outcome);
        Assert.Equal(V("2.00.1493.2000"), d.VersionAfter);
        Assert.Equal(["B01"], w.Codes(d.SitesAfter));
        Assert.Equal(Trigger.ManualInstall, d.Reason.Trigger);
        Assert.StartsWith("Manual install at logon point DC1", d.Reason.Render(w.Sites), StringComparison.Ordinal);
    }

    [Fact]
    public void ManualInstall_SignificantlyNewerPackage_DefersToMaintenance()
    {
        var w = Hierarchy();

        var d = Decide.ManualInstall(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(V("2.00.1380.1000"), w.Set("A01"), Ips("10.3.0.50")));

        Assert.Equal(Outcome.DeferredToMaintenance, d.Outcome);
        Assert.Equal(V("2.00.1380.1000"), d.VersionAfter);
        Text.Mentions(d.Reason.Render(w.Sites), "Manual install at logon point DC1", "only through the maintenance cycle");
    }

    [Fact]
    public void ManualInstall_Hotfix_HotfixApplied()
    {
        var w = new World(Site("B01", "2.00.1493.2007", "10.2.0.0/16"));

        var d = Decide.ManualInstall(w.Sites, w.Point("DC1", "B01"), new ClientFacts(V("2.00.1493.2000"), w.Set("B01"), Ips("10.2.0.1")));

        Assert.Equal(Outcome.HotfixApplied, d.Outcome);
        Assert.Equal(V("2.00.1493.2007"), d.VersionAfter);
    }

    [Fact]
    public void ManualInstall_Visitor_NotInBoundaries()
    {
        var w = Hierarchy();

        var d = Decide.ManualInstall(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(V("2.00.1380.1000"), SiteSet.Empty, Ips("192.168.0.1")));

        Assert.Equal(Outcome.NotInBoundaries, d.Outcome);
        Assert.Equal(V("2.00.1380.1000"), d.VersionAfter);
        Assert.True(d.SitesAfter.IsEmpty);
        Text.Mentions(d.Reason.Render(w.Sites), "Manual install at logon point DC1", "nothing changed");
    }

    [Fact]
    public void ManualInstall_OnlyInsideTheOlderSite_NoCompatibleSite()
    {
        var w = Hierarchy();

        var d = Decide.ManualInstall(w.Sites, w.Point("DC1", "A01", "B01"), new ClientFacts(null, SiteSet.Empty, Ips("10.3.0.10")));

        Assert.Equal(Outcome.NoCompatibleSite, d.Outcome);
        Text.Mentions(d.Reason.Render(w.Sites), "Manual install at logon point DC1", "A01 (line 2.00.1380.1xxx)");
    }

    [Fact]
    public void ManualInstall_DecidesExactlyAsLogon_ExceptTheTrigger()
    {
        var w = Hierarchy();
        var point = w.Point("DC1", "A01", "B01");
        AgentVersion?[] installed = [null, V("2.00.1239.0000"), V("2.00.1380.1000"), V("2.00.1493.2000"), V("2.00.1493.2001")];
        string[][] addresses = [["10.1.0.1"], ["10.2.0.1"], ["10.3.0.10"], ["10.9.0.1"], ["127.0.0.1"]];
        SiteSet[] sites = [SiteSet.Empty, w.Set("A01"), w.Set("B01"), w.Set("A01", "B01")];

        foreach (var v in installed)
        {
            foreach (var a in addresses)
            {
                foreach (var s in sites)
                {
                    var logon = Decide.Logon(w.Sites, point, new ClientFacts(v, s, Ips(a)));
                    var manual = Decide.ManualInstall(w.Sites, point, new ClientFacts(v, s, Ips(a)));

                    Assert.Equal(logon with { Reason = logon.Reason with { Trigger = Trigger.ManualInstall } }, manual);
                }
            }
        }
    }
}
