using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Versions;

public class SignificanceTests
{
    [Fact]
    public void Q262677_1999_2000_IsSignificantlyNewerThan_1380_0000()
    {
        var package = V("2.00.1999.2000");
        var client = V("2.00.1380.0000");

        Assert.True(package.IsSignificantlyNewerThan(client));
        Assert.False(package.IsHotfixOf(client));
        Assert.False(client.IsSignificantlyNewerThan(package));
    }

    [Fact]
    public void Q262677_1999_2001_IsAHotfixOf_1999_2000()
    {
        var hotfix = V("2.00.1999.2001");
        var installed = V("2.00.1999.2000");

        Assert.True(hotfix.IsHotfixOf(installed));
        Assert.False(hotfix.IsSignificantlyNewerThan(installed));
        Assert.False(installed.IsHotfixOf(hotfix));
    }

    [Theory]
    [InlineData("2.00.1380.1000", "2.00.1239.0999")] // SP1 over RTM: newer build
    [InlineData("2.00.1493.3000", "2.00.1493.2999")] // SP3 over SP2: same build, service-pack digit
    [InlineData("2.01.0000.0000", "2.00.1493.4999")] // newer minor
    [InlineData("3.00.0000.0000", "2.99.9999.9999")] // newer major
    [InlineData("2.00.1493.2000", "2.00.1380.1999")]
    public void SignificantlyNewer_WhenTheLineIsNewer(string newer, string older)
    {
        Assert.True(V(newer).IsSignificantlyNewerThan(V(older)));
        Assert.False(V(newer).IsHotfixOf(V(older)));
    }

    [Theory]
    [InlineData("2.00.1493.2001", "2.00.1493.2000")]
    [InlineData("2.00.1493.2999", "2.00.1493.2000")]
    [InlineData("2.00.1493.2450", "2.00.1493.2005")] // international pack
    [InlineData("2.00.1239.0999", "2.00.1239.0000")]
    public void Hotfix_WhenSameLineAndNewer(string newer, string older)
    {
        Assert.True(V(newer).IsHotfixOf(V(older)));
        Assert.False(V(newer).IsSignificantlyNewerThan(V(older)));
    }

    [Theory]
    [InlineData("2.00.1493.2000", "2.00.1493.2000")]
    [InlineData("2.00.1493.2000", "2.00.1493.2001")]
    [InlineData("2.00.1380.1000", "2.00.1493.2000")]
    public void NeitherHotfixNorSignificant_WhenEqualOrOlder(string candidate, string installed)
    {
        Assert.False(V(candidate).IsHotfixOf(V(installed)));
        Assert.False(V(candidate).IsSignificantlyNewerThan(V(installed)));
    }
}
