using Steward.Policy.Sites;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Sites;

public class SiteTests
{
    [Theory]
    [InlineData("2.00.1493.2000", "2.00.1493.2000", true)] // same version
    [InlineData("2.00.1493.2000", "2.00.1493.2999", true)] // client has a newer hotfix on the site's line
    [InlineData("2.00.1493.2000", "2.00.1380.1000", true)] // older client
    [InlineData("2.00.1493.3000", "2.00.1493.2999", true)]
    [InlineData("2.00.1380.1000", "2.00.1493.2000", false)] // SP1 site, SP2 client: a mixed install
    [InlineData("2.00.1493.2999", "2.00.1493.3000", false)]
    [InlineData("2.00.1380.1999", "2.00.1999.2000", false)]
    public void IsCompatibleWith_WhenTheSiteLineIsNotOlderThanTheClientLine(string site, string client, bool compatible)
    {
        Assert.Equal(compatible, Site("A01", site).IsCompatibleWith(V(client)));
    }

    [Fact]
    public void Line_IsTheSiteVersionsLine()
    {
        Assert.Equal(V("2.00.1493.2000").Line, Site("A01", "2.00.1493.2123").Line);
    }

    [Fact]
    public void Contains_WhenAnyAddressIsInsideAnyBoundary()
    {
        var site = Site("A01", "2.00.1493.2000", "10.1.0.0/16", "10.3.0.10-10.3.0.200", "2001:db8::/32");

        Assert.True(site.Contains(Ips("10.1.0.5")));
        Assert.True(site.Contains(Ips("192.168.1.1", "10.3.0.10")));
        Assert.True(site.Contains(Ips("2001:db8::5")));
        Assert.True(site.Contains(Ips("::ffff:10.1.0.5")));
        Assert.False(site.Contains(Ips("10.2.0.5", "10.3.0.201")));
        Assert.False(site.Contains([]));
    }

    [Theory]
    [InlineData("0.0.0.0/0", "0.0.0.0")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("0.0.0.0/0", "127.0.0.1")]
    [InlineData("127.0.0.0/8", "127.0.0.1")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("0.0.0.0/0", "169.254.10.20")]
    [InlineData("169.254.0.0/16", "169.254.10.20")]
    [InlineData("::/0", "::")]
    [InlineData("::", "::")]
    [InlineData("::/0", "::1")]
    [InlineData("::1", "::1")]
    [InlineData("::/0", "fe80::1")]
    [InlineData("fe80::/10", "fe80::1234")]
    [InlineData("fe80::/10", "febf::1")]
    [InlineData("127.0.0.0/8", "::ffff:127.0.0.1")]
    public void Contains_AddressesThatIdentifyNothing_NeverPlaceAClientInside_EvenIfABoundaryCoversThem(string boundary, string address)
    {
        var site = Site("A01", "2.00.1493.2000", boundary);

        Assert.True(B(boundary).Contains(Ip(address))); // the boundary alone does cover it
        Assert.False(site.Contains(Ips(address)));
    }

    [Fact]
    public void Contains_OtherAddressesStillCount_WhenOneIdentifiesNothing()
    {
        var site = Site("A01", "2.00.1493.2000", "0.0.0.0/0");

        Assert.True(site.Contains(Ips("0.0.0.0", "127.0.0.1", "10.9.9.9")));
    }

    [Fact]
    public void Contains_NoBoundaries_ContainsNothing()
    {
        Assert.False(Site("A01", "2.00.1493.2000").Contains(Ips("10.1.0.5")));
    }

    [Fact]
    public void Contains_UnreadableBoundaries_ContainsNothing()
    {
        var site = new Site(Code("A01"), V("2.00.1493.2000"), [B("0.0.0.0/0")], boundariesKnown: false);

        Assert.False(site.Contains(Ips("10.1.0.5")));
    }
}
