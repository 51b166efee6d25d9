using System.Net;
using Steward.Agent.Flows;

namespace Steward.Agent.Tests.Flows;

/// <summary>
/// The addresses the agent presents: a link-local IPv6 address is discovered with its zone (<c>%4</c>), which the
/// server refuses ("a zone names an interface, not a network"), so that a computer with one could not enroll.
/// </summary>
public sealed class LocalAddressesTests
{
    [Theory]
    [InlineData("fe80::fc:ff:fe00:1%4", "fe80::fc:ff:fe00:1")]
    [InlineData("fe80::1%2", "fe80::1")]
    [InlineData("2001:db8::5", "2001:db8::5")]
    [InlineData("10.1.0.5", "10.1.0.5")]
    public void Text_DropsTheZoneOfAnIPv6Address(string discovered, string sent)
    {
        Assert.Equal(sent, LocalAddresses.Text(IPAddress.Parse(discovered)));
    }

    [Fact]
    public void Get_SendsNoZone()
    {
        Assert.DoesNotContain(LocalAddresses.Get(null), a => a.Contains('%', StringComparison.Ordinal));
    }
}
