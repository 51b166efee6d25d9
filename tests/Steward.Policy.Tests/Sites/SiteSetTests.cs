using Steward.Policy.Sites;

namespace Steward.Policy.Tests.Sites;

public class SiteSetTests
{
    private static SiteSet Of(params int[] indices)
    {
        var set = SiteSet.Empty;
        foreach (var i in indices)
        {
            set = set.With(i);
        }

        return set;
    }

    private static List<int> Items(SiteSet set)
    {
        var items = new List<int>();
        foreach (var i in set)
        {
            items.Add(i);
        }

        return items;
    }

    [Fact]
    public void Empty_HasNothing()
    {
        Assert.True(SiteSet.Empty.IsEmpty);
        Assert.Equal(0, SiteSet.Empty.Count);
        Assert.Empty(Items(SiteSet.Empty));
        Assert.False(SiteSet.Empty.Contains(0));
        Assert.Equal(default, SiteSet.Empty);
    }

    [Fact]
    public void With_AddsAcrossAllWords_AndIteratesAscending()
    {
        var set = Of(255, 3, 64, 0, 63, 128, 3);

        Assert.False(set.IsEmpty);
        Assert.Equal(6, set.Count);
        Assert.Equal([0, 3, 63, 64, 128, 255], Items(set));
        Assert.True(set.Contains(64));
        Assert.False(set.Contains(65));
    }

    [Fact]
    public void With_OutsideCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteSet.Empty.With(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteSet.Empty.With(SiteSet.Capacity));
    }

    [Fact]
    public void Without_RemovesOnlyThatSite()
    {
        var set = Of(1, 2, 200).Without(2).Without(7);

        Assert.Equal([1, 200], Items(set));
        Assert.True(Of(5).Without(5).IsEmpty);
    }

    [Fact]
    public void Of_IsASetOfOne()
    {
        Assert.Equal(Of(70), SiteSet.Of(70));
        Assert.Equal(1, SiteSet.Of(70).Count);
    }

    [Fact]
    public void Operators_AreUnionIntersectionAndDifference()
    {
        var a = Of(1, 2, 3, 100, 200);
        var b = Of(3, 4, 200, 250);

        Assert.Equal([1, 2, 3, 4, 100, 200, 250], Items(a | b));
        Assert.Equal([3, 200], Items(a & b));
        Assert.Equal([1, 2, 100], Items(a - b));
        Assert.Equal([4, 250], Items(b - a));
        Assert.Equal(a | b, a.Union(b));
        Assert.Equal(a & b, a.Intersect(b));
        Assert.Equal(a - b, a.Except(b));
    }

    [Fact]
    public void Equality_IsBySites()
    {
        Assert.True(Of(1, 130) == Of(130, 1));
        Assert.False(Of(1, 130) != Of(130, 1));
        Assert.Equal(Of(1, 130).GetHashCode(), Of(130, 1).GetHashCode());
        Assert.True(Of(1) != Of(2));
        Assert.True(Of(1).Equals((object)Of(1)));
        Assert.False(Of(1).Equals((object)1));
    }

    [Fact]
    public void Words_RoundTrip()
    {
        var set = Of(0, 65, 130, 255);
        var words = new ulong[4];

        set.CopyTo(words);

        Assert.Equal([1UL, 2UL, 4UL, 1UL << 63], words);
        Assert.Equal(set, SiteSet.FromWords(words));
        Assert.Equal(Of(0, 65), SiteSet.FromWords([1UL, 2UL]));
    }

    [Fact]
    public void CopyTo_FewerWords_WorksWhileTheSetFits_AndThrowsOtherwise()
    {
        var small = new ulong[1];
        Of(5).CopyTo(small);
        Assert.Equal(1UL << 5, small[0]);

        Assert.Throws<ArgumentException>(() => Of(5, 64).CopyTo(new ulong[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteSet.FromWords(new ulong[5]));
    }
}
