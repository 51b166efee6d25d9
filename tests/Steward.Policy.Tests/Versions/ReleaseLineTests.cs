using Steward.Policy.Versions;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Versions;

public class ReleaseLineTests
{
    [Theory]
    [InlineData("2.00.1239.0000", "2.00.1239.0xxx")]
    [InlineData("2.00.1239.0999", "2.00.1239.0xxx")]
    [InlineData("2.00.1380.1000", "2.00.1380.1xxx")]
    [InlineData("2.00.1380.1125", "2.00.1380.1xxx")]
    [InlineData("2.00.1493.2000", "2.00.1493.2xxx")]
    [InlineData("2.00.1493.3001", "2.00.1493.3xxx")]
    [InlineData("2.00.1493.4450", "2.00.1493.4xxx")]
    public void Line_DropsTheHotfixLevel_AndPrintsItAsX(string version, string line)
    {
        Assert.Equal(line, V(version).Line.ToString());
    }

    [Fact]
    public void Line_HasTheFourPartsOfSpec()
    {
        var line = V("2.00.1493.3123").Line;

        Assert.Equal((2, 0, 1493, 3), (line.Major, line.Minor, line.Build, line.ServicePack));
        Assert.Equal(new ReleaseLine(2, 0, 1493, 3), line);
    }

    [Fact]
    public void Lines_OfTheRealServicePacks_AreOrdered()
    {
        ReleaseLine[] lines =
        [
            V("2.00.1239.0999").Line, // RTM
            V("2.00.1380.1000").Line, // SP1
            V("2.00.1493.2000").Line, // SP2
            V("2.00.1493.3000").Line, // SP3
            V("2.00.1493.4000").Line, // SP4
        ];

        for (var i = 0; i + 1 < lines.Length; i++)
        {
            Assert.True(lines[i] < lines[i + 1]);
            Assert.True(lines[i] <= lines[i + 1]);
            Assert.True(lines[i + 1] > lines[i]);
            Assert.True(lines[i + 1] >= lines[i]);
            Assert.True(lines[i] != lines[i + 1]);
            Assert.True(lines[i].CompareTo(lines[i + 1]) < 0);
        }
    }

    [Fact]
    public void Lines_OfHotfixesOfOneServicePack_AreEqual()
    {
        var a = V("2.00.1493.2000").Line;
        var b = V("2.00.1493.2999").Line;

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
        Assert.Equal(0, a.CompareTo(b));
    }
}
