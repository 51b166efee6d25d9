using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using static Steward.Policy.Tests.Make;
using static Steward.Policy.Tests.Rollouts.RolloutWorld;

namespace Steward.Policy.Tests.Rollouts;

/// <summary>What a logon point hands out to a computer a rollout serves its T: the view shows it next to the package of the others.</summary>
public class LogonPointPackageTests
{
    private static readonly World Sites = new(Site("A01", "2.00.1380.1000", "10.1.0.0/16"), Site("B01", "2.00.1493.2000", "10.2.0.0/16"));

    private static Rollout Of(string site, AgentVersion to, RolloutState state) =>
        new() { Id = "sp", Site = Code(site), From = Sites.Sites[Sites[site]].Version, To = to, State = state };

    [Fact]
    public void AnActiveRolloutOfTheSeniorSite_HandsOutItsT_ToTheComputersItServesT()
    {
        var point = new LogonPoint("DC1", Sites.Set("A01", "B01"));
        Assert.Equal(Sp2, Sites.Sites[point.SeniorSite(Sites.Sites)].Version);

        Assert.Equal(Sp2Hotfix, LogonPointPackages.WhenServedT(Sites.Sites, point, [Of("B01", Sp2Hotfix, RolloutState.Spreading)]));
        Assert.Equal(Sp2Hotfix, LogonPointPackages.WhenServedT(Sites.Sites, point, [Of("B01", Sp2Hotfix, RolloutState.Halted)]));
    }

    [Fact]
    public void ARolloutThatDoesNotChangeTheSeniorSite_OrIsNotActive_OrOfAnotherSite_ChangesNothing()
    {
        var point = new LogonPoint("DC1", Sites.Set("A01", "B01"));

        // A01 rolls out to a version still older than B01's: B01 stays the senior site.
        Assert.Equal(Sp2, LogonPointPackages.WhenServedT(Sites.Sites, point, [Of("A01", V("2.00.1380.1001"), RolloutState.Pilot)]));
        Assert.Equal(Sp2, LogonPointPackages.WhenServedT(Sites.Sites, point, [Of("B01", Sp2Hotfix, RolloutState.Complete)]));
        Assert.Equal(Sp1, LogonPointPackages.WhenServedT(Sites.Sites, new LogonPoint("HQ", Sites.Set("A01")), [Of("B01", Sp2Hotfix, RolloutState.Spreading)]));
    }
}
