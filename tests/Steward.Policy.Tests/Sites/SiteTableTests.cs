using Steward.Policy.Sites;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Sites;

public class SiteTableTests
{
    // S00, S01, ... S0Z, S10, ...: distinct codes in ascending order.
    private static string CodeFor(int i)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return $"S{digits[i / 36]}{digits[i % 36]}";
    }

    [Fact]
    public void Constructor_SortsByCode()
    {
        var table = new SiteTable([Site("c01", "2.00.1380.1000"), Site("A01", "2.00.1493.2000"), Site("b01", "2.00.1239.0000")]);

        Assert.Equal(3, table.Count);
        Assert.Equal(["A01", "B01", "C01"], table.Codes(table.All));
        Assert.Equal(Code("A01"), table[0].Code);
        Assert.Equal(V("2.00.1380.1000"), table[2].Version);
    }

    [Fact]
    public void Constructor_DuplicateCodes_IgnoringCase_AreRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SiteTable([Site("A01", "2.00.1380.1000"), Site("a01", "2.00.1493.2000")]));

        Assert.Contains("A01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MoreThanCapacity_IsRefused()
    {
        var many = Enumerable.Range(0, SiteSet.Capacity + 1).Select(i => Site(CodeFor(i), "2.00.1493.2000"));

        Assert.Throws<ArgumentException>(() => new SiteTable(many));
    }

    [Fact]
    public void Constructor_ExactlyCapacity_IsAccepted()
    {
        var table = new SiteTable(Enumerable.Range(0, SiteSet.Capacity).Select(i => Site(CodeFor(i), "2.00.1493.2000")));

        Assert.Equal(SiteSet.Capacity, table.All.Count);
        Assert.Equal(SiteSet.Capacity - 1, table.IndexOf(Code(CodeFor(SiteSet.Capacity - 1))));
    }

    [Fact]
    public void IndexOf_FindsEveryCode_AndMinusOneOtherwise()
    {
        var table = new SiteTable([Site("X01", "2.00.1380.1000"), Site("A01", "2.00.1493.2000"), Site("M05", "2.00.1239.0000"), Site("B02", "2.00.1239.0000")]);

        Assert.Equal(0, table.IndexOf(Code("A01")));
        Assert.Equal(1, table.IndexOf(Code("b02")));
        Assert.Equal(2, table.IndexOf(Code("M05")));
        Assert.Equal(3, table.IndexOf(Code("X01")));
        Assert.Equal(-1, table.IndexOf(Code("000")));
        Assert.Equal(-1, table.IndexOf(Code("C01")));
        Assert.Equal(-1, table.IndexOf(Code("ZZZ")));
        Assert.Equal(-1, new SiteTable([]).IndexOf(Code("A01")));
    }

    [Fact]
    public void Newest_IsTheNewestVersion()
    {
        var w = new World(Site("A01", "2.00.1380.1000"), Site("B01", "2.00.1493.2001"), Site("C01", "2.00.1493.2000"));

        Assert.Equal(w["B01"], w.Sites.Newest(w.Sites.All));
        Assert.Equal(w["C01"], w.Sites.Newest(w.Set("A01", "C01")));
        Assert.Equal(w["A01"], w.Sites.Newest(w.Set("A01")));
        Assert.Equal(-1, w.Sites.Newest(SiteSet.Empty));
    }

    [Fact]
    public void Newest_Tie_IsTheLowestCode()
    {
        var w = new World(Site("Z01", "2.00.1493.2000"), Site("M01", "2.00.1493.2000"), Site("B01", "2.00.1493.2000"), Site("A01", "2.00.1380.1000"));

        Assert.Equal(w["B01"], w.Sites.Newest(w.Sites.All));
        Assert.Equal(w["M01"], w.Sites.Newest(w.Set("Z01", "M01")));
    }

    [Fact]
    public void CompatibleWith_KeepsSitesWhoseLineIsNotOlder()
    {
        var w = new World(Site("A01", "2.00.1380.1999"), Site("B01", "2.00.1493.2000"), Site("C01", "2.00.1493.3000"));

        Assert.Equal(w.Set("B01", "C01"), w.Sites.CompatibleWith(w.Sites.All, V("2.00.1493.2050")));
        Assert.Equal(w.Set("C01"), w.Sites.CompatibleWith(w.Set("A01", "C01"), V("2.00.1493.2050")));
        Assert.Equal(w.Sites.All, w.Sites.CompatibleWith(w.Sites.All, V("2.00.1380.1000")));
        Assert.True(w.Sites.CompatibleWith(w.Sites.All, V("2.00.1493.4000")).IsEmpty);
    }

    [Fact]
    public void Containing_KeepsSitesWhoseBoundariesContainAnAddress()
    {
        var w = new World(
            Site("A01", "2.00.1380.1000", "10.1.0.0/16"),
            Site("B01", "2.00.1493.2000", "10.1.0.0/16", "10.2.0.0/16"),
            Site("C01", "2.00.1493.2000", "0.0.0.0/0"),
            UnreadableSite("D01", "2.00.1493.2000"));

        Assert.Equal(w.Set("A01", "B01", "C01"), w.Sites.Containing(w.Sites.All, Ips("10.1.0.5")));
        Assert.Equal(w.Set("B01"), w.Sites.Containing(w.Set("A01", "B01", "D01"), Ips("10.2.0.5")));
        Assert.True(w.Sites.Containing(w.Sites.All, Ips("127.0.0.1")).IsEmpty);
    }

    [Fact]
    public void Format_ListsSortedCodes_OrNone()
    {
        var w = new World(Site("b01", "2.00.1380.1000"), Site("a01", "2.00.1493.2000"), Site("c01", "2.00.1493.2000"));

        Assert.Equal("A01, C01", w.Sites.Format(w.Set("C01", "A01")));
        Assert.Equal("none", w.Sites.Format(SiteSet.Empty));
        Assert.Equal(["A01", "B01", "C01"], w.Sites.Codes(w.Sites.All));
        Assert.Empty(w.Sites.Codes(SiteSet.Empty));
    }

    [Fact]
    public void WithVersion_ReturnsANewTable_LeavingTheOldOneAlone()
    {
        var before = new SiteTable([Site("A01", "2.00.1380.1000", "10.1.0.0/16"), Site("B01", "2.00.1493.2000")]);

        var after = before.WithVersion(0, V("2.00.1493.2000"));

        Assert.Equal(V("2.00.1380.1000"), before[0].Version);
        Assert.Equal(V("2.00.1493.2000"), after[0].Version);
        Assert.Equal(before[0].Boundaries, after[0].Boundaries);
        Assert.Equal(before[1], after[1]);
        Assert.Equal(0, after.IndexOf(Code("A01")));
    }
}
