using Steward.Policy.Boundaries;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Boundaries;

public class NetworkAddressTests
{
    [Fact]
    public void Parse_IPv4_IsItsThirtyTwoBitValue()
    {
        var a = Ip("10.1.2.3");

        Assert.False(a.IsIPv6);
        Assert.Equal((UInt128)0x0A010203, a.Value);
        Assert.Equal((UInt128)uint.MaxValue, a.FamilyMax);
        Assert.Equal("10.1.2.3", a.ToString());
        Assert.Equal(NetworkAddress.FromIPv4(0x0A010203), a);
    }

    [Fact]
    public void Parse_IPv6_IsItsHundredTwentyEightBitValue()
    {
        var a = Ip("2001:db8::1");

        Assert.True(a.IsIPv6);
        Assert.Equal(((UInt128)0x20010DB8 << 96) | 1, a.Value);
        Assert.Equal(UInt128.MaxValue, a.FamilyMax);
        Assert.Equal("2001:db8::1", a.ToString());
        Assert.Equal(NetworkAddress.FromIPv6(((UInt128)0x20010DB8 << 96) | 1), a);
    }

    [Theory]
    [InlineData("::ffff:10.1.0.5", "10.1.0.5")]
    [InlineData("::FFFF:10.1.0.5", "10.1.0.5")]
    [InlineData("::ffff:a01:5", "10.1.0.5")]
    [InlineData("0:0:0:0:0:ffff:127.0.0.1", "127.0.0.1")]
    public void Parse_IPv4MappedIPv6_IsTheIPv4Address(string mapped, string ipv4)
    {
        var a = Ip(mapped);

        Assert.False(a.IsIPv6);
        Assert.Equal(Ip(ipv4), a);
        Assert.Equal(ipv4, a.ToString());
    }

    [Fact]
    public void SameNumber_InTwoFamilies_AreDifferentAddresses()
    {
        var v4 = NetworkAddress.FromIPv4(5);
        var v6 = NetworkAddress.FromIPv6(5);

        Assert.NotEqual(v4, v6);
        Assert.True(v4 != v6);
        Assert.True(v4 < v6); // IPv4 orders before IPv6
        Assert.True(v6 > v4);
    }

    [Fact]
    public void Ordering_IsByValueWithinAFamily()
    {
        Assert.True(Ip("10.1.0.9") < Ip("10.1.0.10"));
        Assert.True(Ip("10.1.0.10") <= Ip("10.1.0.10"));
        Assert.True(Ip("10.1.0.10") >= Ip("10.1.0.10"));
        Assert.True(Ip("2001:db8::2") > Ip("2001:db8::1"));
        Assert.Equal(0, Ip("2001:db8::1").CompareTo(Ip("2001:db8:0::1")));
        Assert.Equal(Ip("2001:db8::1").GetHashCode(), Ip("2001:0db8:0:0::1").GetHashCode());
    }

    [Fact]
    public void IPv4Constructor_KeepsOnlyThirtyTwoBits()
    {
        Assert.Equal(NetworkAddress.FromIPv4(1), new NetworkAddress(false, ((UInt128)1 << 64) | 1));
    }

    [Theory]
    [InlineData("10.1.2", "four numbers")]
    [InlineData("10.1.2.3.4", "four numbers")]
    [InlineData("10.1.2.-3", "'-' is not allowed")]
    [InlineData("10.1.2.3 ", "' ' is not allowed")]
    [InlineData("010.1.2.3", "leading zero")]
    [InlineData("10.1.2.300", "larger than 255")]
    [InlineData("1:2:3:4:5:6:7:8:9", "not a valid IPv6 address")]
    [InlineData("fe80::1%2", "a zone (%...) names an interface")]
    [InlineData("[2001:db8::1]", "'[' is not allowed in an IPv6 address")]
    [InlineData("[2001:db8::1]:80", "'[' is not allowed in an IPv6 address")]
    [InlineData("2001:db8::1 ", "' ' is not allowed in an IPv6 address")]
    [InlineData("2001:db8::1/64", "'/' is not allowed in an IPv6 address")]
    public void Parse_Invalid_IsRefusedNamingTheTextAndTheProblem(string text, string problem)
    {
        var result = NetworkAddress.Parse(text);

        Assert.False(result.Success);
        Assert.Contains($"'{text}' is not an address", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_IsRefused()
    {
        var result = NetworkAddress.Parse("");

        Assert.False(result.Success);
        Assert.Equal("an address is empty", result.Error);
    }

    [Fact]
    public void ParseExact_Invalid_Throws()
    {
        Assert.Throws<FormatException>(() => NetworkAddress.ParseExact("10.1.0"));
    }
}
