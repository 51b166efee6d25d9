using Steward.Policy.Boundaries;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Boundaries;

public class IdentifyingAddressesTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.0")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.255")]
    [InlineData("169.254.0.0")]
    [InlineData("169.254.13.7")]
    [InlineData("169.254.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::")]
    [InlineData("fe80::1")]
    [InlineData("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.1.1")]
    [InlineData("::ffff:0.0.0.0")]
    public void Identifies_False_ForAddressesThatIdentifyNothing(string address)
    {
        Assert.False(IdentifyingAddresses.Identifies(Ip(address)));
    }

    [Theory]
    [InlineData("0.0.0.1")]
    [InlineData("1.0.0.0")]
    [InlineData("10.1.0.5")]
    [InlineData("126.255.255.255")]
    [InlineData("128.0.0.0")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("::2")]
    [InlineData("2001:db8::1")]
    [InlineData("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("fec0::")]
    [InlineData("::ffff:10.1.0.5")]
    public void Identifies_True_ForOtherAddresses(string address)
    {
        Assert.True(IdentifyingAddresses.Identifies(Ip(address)));
    }
}
