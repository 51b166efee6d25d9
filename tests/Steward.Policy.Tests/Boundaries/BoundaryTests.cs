using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Boundaries;

public class BoundaryTests
{
    [Theory]
    [InlineData("10.1.0.0/16", "10.1.0.0", true)]
    [InlineData("10.1.0.0/16", "10.1.255.255", true)]
    [InlineData("10.1.0.0/16", "10.1.77.3", true)]
    [InlineData("10.1.0.0/16", "10.0.255.255", false)]
    [InlineData("10.1.0.0/16", "10.2.0.0", false)]
    [InlineData("10.3.0.10-10.3.0.200", "10.3.0.10", true)]
    [InlineData("10.3.0.10-10.3.0.200", "10.3.0.200", true)]
    [InlineData("10.3.0.10-10.3.0.200", "10.3.0.9", false)]
    [InlineData("10.3.0.10-10.3.0.200", "10.3.0.201", false)]
    [InlineData("10.4.0.7", "10.4.0.7", true)]
    [InlineData("10.4.0.7", "10.4.0.8", false)]
    [InlineData("2001:db8::/32", "2001:db8:1234::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::", false)]
    [InlineData("2001:db8::10-2001:db8::20", "2001:db8::20", true)]
    [InlineData("2001:db8::10-2001:db8::20", "2001:db8::21", false)]
    [InlineData("0.0.0.0/0", "255.255.255.255", true)]
    public void Contains_IsInclusiveOfBothEnds(string boundary, string address, bool inside)
    {
        Assert.Equal(inside, B(boundary).Contains(Ip(address)));
    }

    [Theory]
    [InlineData("::/0", "10.1.0.5")]
    [InlineData("0.0.0.0/0", "2001:db8::1")]
    [InlineData("::/96", "0.0.0.5")] // same number, other family
    public void Contains_NeverAcrossFamilies(string boundary, string address)
    {
        Assert.False(B(boundary).Contains(Ip(address)));
    }

    [Fact]
    public void Contains_IPv4MappedAddress_IsTheIPv4Address()
    {
        Assert.True(B("10.1.0.0/16").Contains(Ip("::ffff:10.1.0.5")));
        Assert.False(B("::/0").Contains(Ip("::ffff:10.1.0.5")));
    }

    [Theory]
    [InlineData("10.1.0.0/16", "10.1.255.0/24", true)]
    [InlineData("10.1.0.0/16", "10.2.0.0/16", false)]
    [InlineData("10.1.0.0-10.1.0.10", "10.1.0.10-10.1.0.20", true)]
    [InlineData("10.1.0.0-10.1.0.10", "10.1.0.11-10.1.0.20", false)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    public void Overlaps_WhenSharingAnAddress(string a, string b, bool overlap)
    {
        Assert.Equal(overlap, B(a).Overlaps(B(b)));
        Assert.Equal(overlap, B(b).Overlaps(B(a)));
    }
}
