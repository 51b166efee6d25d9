using Steward.Policy.Sites;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Sites;

public class LogonPointTests
{
    [Fact]
    public void SeniorSite_IsTheParticipatingSiteWithTheNewestVersion()
    {
        var w = new World(Site("A01", "2.00.1380.1000"), Site("B01", "2.00.1493.2000"), Site("C01", "2.00.1493.4000"));

        Assert.Equal(w["B01"], w.Point("DC1", "A01", "B01").SeniorSite(w.Sites));
        Assert.Equal(w["C01"], w.Point("DC2", "A01", "B01", "C01").SeniorSite(w.Sites));
    }

    [Fact]
    public void SeniorSite_Tie_IsTheLowestCode()
    {
        var w = new World(Site("Z09", "2.00.1493.2000"), Site("B01", "2.00.1493.2000"), Site("C01", "2.00.1493.2000"));

        Assert.Equal(w["B01"], w.Point("DC1", "Z09", "C01", "B01").SeniorSite(w.Sites));
    }

    [Fact]
    public void SeniorSite_NamedByAnAdministrator_Overrides()
    {
        var w = new World(Site("A01", "2.00.1380.1000"), Site("B01", "2.00.1493.2000"));

        Assert.Equal(w["A01"], w.PointWithSenior("DC1", "A01", "A01", "B01").SeniorSite(w.Sites));
    }

    [Fact]
    public void SeniorSite_NamedButNotParticipating_FollowsTheVersions()
    {
        var w = new World(Site("A01", "2.00.1380.1000"), Site("B01", "2.00.1493.2000"), Site("C01", "2.00.1239.0000"));
        var point = new LogonPoint("DC1", w.Set("A01", "B01"), w["C01"]);

        Assert.Equal(w["B01"], point.SeniorSite(w.Sites));
    }

    [Fact]
    public void SeniorSite_IsDecidedAfreshWhenVersionsChange()
    {
        var w = new World(Site("A01", "2.00.1380.1000"), Site("B01", "2.00.1493.2000"));
        var point = w.Point("DC1", "A01", "B01");
        Assert.Equal(w["B01"], point.SeniorSite(w.Sites));

        w.SetVersion("A01", "2.00.1493.3000");
        Assert.Equal(w["A01"], point.SeniorSite(w.Sites));

        w.SetVersion("B01", "2.00.1493.3000");
        Assert.Equal(w["A01"], point.SeniorSite(w.Sites)); // tie: lowest code

        w.SetVersion("B01", "2.00.1493.3001");
        Assert.Equal(w["B01"], point.SeniorSite(w.Sites));
    }

    [Fact]
    public void SeniorSite_NoParticipatingSite_IsMinusOne()
    {
        var w = new World(Site("A01", "2.00.1380.1000"));

        Assert.Equal(-1, new LogonPoint("DC1", SiteSet.Empty).SeniorSite(w.Sites));
    }

    [Fact]
    public void SeniorSite_NullTable_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new LogonPoint("DC1", SiteSet.Of(0)).SeniorSite(null!));
    }
}
