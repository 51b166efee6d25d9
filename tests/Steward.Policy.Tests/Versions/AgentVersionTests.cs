using System.Globalization;
using Steward.Policy.Versions;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Versions;

public class AgentVersionTests
{
    [Theory]
    [InlineData("2.0.1380.1125", "2.00.1380.1125")]
    [InlineData("2.0.1239.5", "2.00.1239.0005")]
    [InlineData("0.0.0.0", "0.00.0000.0000")]
    [InlineData("10.123.45678.65535", "10.123.45678.65535")]
    [InlineData("002.000.001493.02000", "2.00.1493.2000")]
    public void ToString_PrintsCanonicalForm(string text, string canonical)
    {
        var v = V(text);

        Assert.Equal(canonical, v.ToString());
        Assert.Equal(canonical, v.ToString(null, CultureInfo.InvariantCulture));
        Assert.Equal(canonical, string.Create(CultureInfo.InvariantCulture, $"{v}"));
    }

    [Fact]
    public void TryFormat_TooSmallBuffer_Fails_AndExactBufferSucceeds()
    {
        var v = V("2.00.1380.1125");

        Assert.False(v.TryFormat(new char[13], out _, default, null));
        var exact = new char[14];
        Assert.True(v.TryFormat(exact, out var written, default, null));
        Assert.Equal("2.00.1380.1125", new string(exact, 0, written));
    }

    [Fact]
    public void Ordering_ComparesFieldsInOrder_MajorFirst()
    {
        string[] ascending =
        [
            "1.99.9999.9999",
            "2.00.0000.0000",
            "2.00.1239.0999",
            "2.00.1380.0000",
            "2.00.1380.1000",
            "2.00.1380.1125",
            "2.00.1493.2000",
            "2.00.1493.2001",
            "2.00.1493.3000",
            "2.00.1999.2000",
            "2.01.0000.0000",
            "3.00.0000.0000",
        ];
        var versions = ascending.Select(V).ToArray();

        for (var i = 0; i < versions.Length; i++)
        {
            for (var j = 0; j < versions.Length; j++)
            {
                Assert.Equal(i.CompareTo(j), Math.Sign(versions[i].CompareTo(versions[j])));
                Assert.Equal(i < j, versions[i] < versions[j]);
                Assert.Equal(i <= j, versions[i] <= versions[j]);
                Assert.Equal(i > j, versions[i] > versions[j]);
                Assert.Equal(i >= j, versions[i] >= versions[j]);
                Assert.Equal(i == j, versions[i] == versions[j]);
                Assert.Equal(i != j, versions[i] != versions[j]);
                Assert.Equal(i == j, versions[i].Equals(versions[j]));
                Assert.Equal(i == j, versions[i].Equals((object)versions[j]));
            }
        }

        Assert.Equal(versions, versions.Reverse().Order());
    }

    [Fact]
    public void Equality_IgnoresHowTheTextWasWritten_IncludingHash()
    {
        Assert.Equal(V("2.00.1380.1125").GetHashCode(), V("2.0.1380.1125").GetHashCode());
        Assert.False(V("2.00.1380.1125").Equals("2.00.1380.1125"));
    }

    [Fact]
    public void Packed_RoundTripsAndOrdersLikeTheVersion()
    {
        var a = V("2.00.1380.1125");
        var b = V("2.00.1493.2000");

        Assert.Equal(a, AgentVersion.FromPacked(a.ToPacked()));
        Assert.True(a.ToPacked() < b.ToPacked());
    }

    [Theory]
    [InlineData("2.00.1239.0000", 0, 0)]
    [InlineData("2.00.1380.1000", 1, 0)]
    [InlineData("2.00.1380.1125", 1, 125)]
    [InlineData("2.00.1493.2000", 2, 0)]
    [InlineData("2.00.1493.3999", 3, 999)]
    [InlineData("2.00.1493.4007", 4, 7)]
    [InlineData("2.00.1493.65535", 65, 535)]
    public void ServicePackAndHotfixLevel_SplitTheRevisionAtThousands(string text, int servicePack, int hotfix)
    {
        var v = V(text);

        Assert.Equal(servicePack, v.ServicePack);
        Assert.Equal(hotfix, v.HotfixLevel);
    }

    [Theory]
    [InlineData("2.00.1493.2000", false)]
    [InlineData("2.00.1493.2099", false)]
    [InlineData("2.00.1493.2399", false)]
    [InlineData("2.00.1493.2400", true)]
    [InlineData("2.00.1493.2450", true)]
    [InlineData("2.00.1493.2999", true)]
    [InlineData("2.00.1380.1400", true)]
    [InlineData("2.00.1380.0400", true)]
    public void IsInternationalPack_WhenTheHundredsDigitOfTheHotfixLevelIsFourToNine(string text, bool international)
    {
        Assert.Equal(international, V(text).IsInternationalPack);
    }

    [Fact]
    public void InternationalPack_IsAHotfix_NotSignificant()
    {
        var sp2 = V("2.00.1493.2000");
        var intl = V("2.00.1493.2450");

        Assert.True(intl.IsInternationalPack);
        Assert.True(intl.IsHotfixOf(sp2));
        Assert.False(intl.IsSignificantlyNewerThan(sp2));
        Assert.Equal(sp2.Line, intl.Line);
    }
}
