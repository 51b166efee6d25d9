using Steward.Policy.Boundaries;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Boundaries;

public class BoundaryParsingTests
{
    [Fact]
    public void Parse_IPv4Subnet_CoversNetworkToBroadcast()
    {
        var b = B("10.1.0.0/16");

        Assert.Equal(BoundaryKind.Subnet, b.Kind);
        Assert.Equal(16, b.PrefixLength);
        Assert.False(b.IsIPv6);
        Assert.Equal(Ip("10.1.0.0"), b.First);
        Assert.Equal(Ip("10.1.255.255"), b.Last);
        Assert.Equal((UInt128)65535, b.SizeMinusOne);
        Assert.Equal("10.1.0.0/16", b.ToString());
    }

    [Theory]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255")]
    [InlineData("10.0.0.0/8", "10.0.0.0", "10.255.255.255")]
    [InlineData("10.3.0.128/25", "10.3.0.128", "10.3.0.255")]
    [InlineData("10.3.0.7/32", "10.3.0.7", "10.3.0.7")]
    [InlineData("2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8:0:1::/64", "2001:db8:0:1::", "2001:db8:0:1:ffff:ffff:ffff:ffff")]
    [InlineData("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8::5/128", "2001:db8::5", "2001:db8::5")]
    public void Parse_Subnet_FirstAndLastAddress(string text, string first, string last)
    {
        var b = B(text);

        Assert.Equal(Ip(first), b.First);
        Assert.Equal(Ip(last), b.Last);
        Assert.Equal(text, b.ToString());
    }

    [Fact]
    public void Parse_IPv6Subnet_IsIPv6()
    {
        var b = B("2001:db8::/32");

        Assert.True(b.IsIPv6);
        Assert.Equal(32, b.PrefixLength);
        Assert.Equal(UInt128.MaxValue >> 32, b.SizeMinusOne);
        Assert.Equal(UInt128.MaxValue, B("::/0").SizeMinusOne);
    }

    [Fact]
    public void Parse_Range_IsInclusive()
    {
        var b = B("10.3.0.10-10.3.0.200");

        Assert.Equal(BoundaryKind.Range, b.Kind);
        Assert.Equal(-1, b.PrefixLength);
        Assert.Equal(Ip("10.3.0.10"), b.First);
        Assert.Equal(Ip("10.3.0.200"), b.Last);
        Assert.Equal("10.3.0.10-10.3.0.200", b.ToString());
    }

    [Theory]
    [InlineData(" 10.3.0.10 - 10.3.0.200 ", "10.3.0.10-10.3.0.200")]
    [InlineData("10.3.0.10-10.3.0.10", "10.3.0.10-10.3.0.10")]
    [InlineData("2001:db8::10-2001:db8::1:0", "2001:db8::10-2001:db8::1:0")]
    public void Parse_Range_Variants(string text, string printed)
    {
        Assert.Equal(printed, B(text).ToString());
    }

    [Theory]
    [InlineData("10.4.0.7")]
    [InlineData("2001:db8::7")]
    public void Parse_SingleAddress_IsABoundaryOfOneAddress(string text)
    {
        var b = B(text);

        Assert.Equal(BoundaryKind.Address, b.Kind);
        Assert.Equal(b.First, b.Last);
        Assert.Equal(UInt128.Zero, b.SizeMinusOne);
        Assert.Equal(Boundary.OfAddress(Ip(text)), b);
        Assert.Equal(text, b.ToString());
    }

    [Theory]
    [InlineData("10.1.0.0/33", "/33 is longer than the 32 bits of an IPv4 address")]
    [InlineData("::1/129", "/129 is longer than the 128 bits of an IPv6 address")]
    [InlineData("10.1.0.5/16", "host bits are set; the subnet is 10.1.0.0/16")]
    [InlineData("2001:db8::1/32", "host bits are set; the subnet is 2001:db8::/32")]
    [InlineData("10.1.0.0/", "the prefix length '' is not a number from 0 to 32")]
    [InlineData("10.1.0.0/-1", "the prefix length '-1' is not a number")]
    [InlineData("10.1.0.0/ 16", "the prefix length ' 16' is not a number")]
    [InlineData("10.1.0.0/1000", "is not a number from 0 to 32")]
    [InlineData("10.1.0.0/16/8", "is not a number from 0 to 32")]
    [InlineData("10.3.0.200-10.3.0.10", "the range is reversed: 10.3.0.10 comes before 10.3.0.200")]
    [InlineData("2001:db8::2-2001:db8::1", "the range is reversed")]
    [InlineData("10.3.0.10-2001:db8::1", "a range cannot mix IPv4 and IPv6 addresses")]
    [InlineData("2001:db8::1-10.3.0.10", "a range cannot mix IPv4 and IPv6 addresses")]
    [InlineData("10.3.0.10-", "an address is empty")]
    [InlineData("-10.3.0.10", "an address is empty")]
    [InlineData("garbage", "'g' is not allowed in an IPv4 address")]
    [InlineData("10.1.0", "an IPv4 address has four numbers")]
    [InlineData("10.1.0.0.0", "an IPv4 address has four numbers")]
    [InlineData("10..0.0", "an IPv4 address has four numbers")]
    [InlineData("10.1.0.256", "'256' is larger than 255")]
    [InlineData("10.1.0.1000", "'1000' is larger than 255")]
    [InlineData("10.01.0.0", "'01' has a leading zero")]
    [InlineData("10.1.0.0/16x", "is not a number")]
    [InlineData("2001:db8::g", "'g' is not allowed in an IPv6 address")]
    [InlineData("[2001:db8::1]:80", "'[' is not allowed in an IPv6 address")]
    [InlineData("[2001:db8::]/32", "'[' is not allowed in an IPv6 address")]
    [InlineData("2001:db8:1:2:3:4:5:6:7", "it is not a valid IPv6 address")]
    [InlineData("1::2::3", "it is not a valid IPv6 address")]
    [InlineData("fe80::1%eth0", "a zone (%...) names an interface")]
    [InlineData("10.1.0.0-10.2.0.0-10.3.0.0", "is not an address")]
    public void Parse_Invalid_IsRefusedNamingTheTextAndTheProblem(string text, string problem)
    {
        var result = Boundary.Parse(text);

        Assert.False(result.Success);
        Assert.Contains($"'{text.Trim()}' is not a boundary", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_IsRefused(string text)
    {
        var result = Boundary.Parse(text);

        Assert.False(result.Success);
        Assert.Contains("empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseExact_Invalid_Throws()
    {
        Assert.Throws<FormatException>(() => Boundary.ParseExact("10.1.0.5/16"));
    }

    [Fact]
    public void Parse_IPv4MappedIPv6Address_IsAnIPv4Boundary()
    {
        var b = B("::ffff:10.4.0.7");

        Assert.False(b.IsIPv6);
        Assert.Equal(B("10.4.0.7"), b);
        Assert.Equal(B("10.3.0.10-10.3.0.200"), B("::ffff:10.3.0.10-10.3.0.200"));
    }

    [Fact]
    public void Equality_IsByKindAndAddresses()
    {
        Assert.Equal(B("10.1.0.0/16"), B("10.1.0.0/16"));
        Assert.True(B("10.1.0.0/16") == B(" 10.1.0.0/16 "));
        Assert.Equal(B("10.1.0.0/16").GetHashCode(), B("10.1.0.0/16").GetHashCode());

        // The same addresses written as a range are a different boundary: it is kept as written.
        Assert.True(B("10.1.0.0/16") != B("10.1.0.0-10.1.255.255"));
        Assert.False(B("10.4.0.7").Equals((object)"10.4.0.7"));
    }
}
