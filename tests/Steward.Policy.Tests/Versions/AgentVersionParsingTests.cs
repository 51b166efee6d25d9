using Steward.Policy.Versions;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Versions;

public class AgentVersionParsingTests
{
    [Fact]
    public void Parse_CanonicalText_GivesItsFourFields()
    {
        var result = AgentVersion.TryParse("2.00.1380.1125");

        Assert.True(result.Success);
        Assert.Null(result.Error);
        Assert.Equal(-1, result.Position);
        Assert.Equal((2, 0, 1380, 1125), (result.Value.Major, result.Value.Minor, result.Value.Build, result.Value.Revision));
    }

    [Fact]
    public void Parse_LeadingZerosOrNone_GiveTheSameVersion()
    {
        Assert.Equal(V("2.00.1380.1125"), V("2.0.1380.1125"));
        Assert.Equal(V("2.00.1380.0005"), V("2.0.1380.5"));
        Assert.Equal(V("2.00.1380.0005"), V("0002.000.01380.000005"));
    }

    [Theory]
    [InlineData("0.0.0.0", 0, 0, 0, 0)]
    [InlineData("65535.65535.65535.65535", 65535, 65535, 65535, 65535)]
    [InlineData("2.00.1493.4000", 2, 0, 1493, 4000)]
    public void Parse_Extremes_AreAccepted(string text, int major, int minor, int build, int revision)
    {
        var v = V(text);

        Assert.Equal((major, minor, build, revision), (v.Major, v.Minor, v.Build, v.Revision));
    }

    [Theory]
    [InlineData("2.00.1380", "it has 3 fields")]
    [InlineData("2", "it has 1 field;")]
    [InlineData("2.00.1380.1125.7", "more than four fields")]
    [InlineData("2.00.1380.1125.", "more than four fields")]
    [InlineData("+2.00.1380.1125", "'+' is not a decimal digit")]
    [InlineData("2.00.-1380.1125", "'-' is not a decimal digit")]
    [InlineData("2.00.1380.1125 ", "' ' is not a decimal digit")]
    [InlineData(" 2.00.1380.1125", "' ' is not a decimal digit")]
    [InlineData("2.00. 1380.1125", "' ' is not a decimal digit")]
    [InlineData("2.00.1380.11a5", "'a' is not a decimal digit")]
    [InlineData("v2.00.1380.1125", "'v' is not a decimal digit")]
    [InlineData("2.00.1380.1125\u0661", "is not a decimal digit")]
    [InlineData("2..1380.1125", "field 2 is empty")]
    [InlineData(".00.1380.1125", "field 1 is empty")]
    [InlineData("2.00.1380.", "field 4 is empty")]
    [InlineData("", "field 1 is empty")]
    [InlineData("2.00.1380.65536", "field 4 is larger than 65535")]
    [InlineData("65536.00.1380.1125", "field 1 is larger than 65535")]
    [InlineData("2.00.99999999999999999999.1125", "field 3 is larger than 65535")]
    public void Parse_Malformed_IsRefusedNamingTheTextAndTheProblem(string text, string problem)
    {
        var result = AgentVersion.TryParse(text);

        Assert.False(result.Success);
        Assert.Contains($"'{text}'", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.InRange(result.Position, 0, text.Length);
    }

    [Theory]
    [InlineData("2.00.1380.11a5", 12)]
    [InlineData("2..1380.1125", 2)]
    [InlineData("2.00.1380.65536", 10)]
    public void Parse_Malformed_PointsAtTheProblem(string text, int position)
    {
        Assert.Equal(position, AgentVersion.TryParse(text).Position);
    }

    [Fact]
    public void ParseExact_Malformed_ThrowsFormatExceptionWithTheMessage()
    {
        var ex = Assert.Throws<FormatException>(() => AgentVersion.Parse("2.00.1380"));

        Assert.Contains("'2.00.1380' is not a version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_OfFailedParse_Throws()
    {
        var result = AgentVersion.TryParse("x");

        Assert.Throws<FormatException>(() => result.Value);
    }

    [Fact]
    public void AsISpanParsable_ParsesOrRefusesLikeTheRest()
    {
        Assert.Equal(V("2.00.1380.1125"), Read<AgentVersion>("2.0.1380.1125"));
        Assert.False(AgentVersion.TryParse("2.00.1380", null, out var refused));
        Assert.Equal(default, refused);
        Assert.Throws<FormatException>(() => Read<AgentVersion>("2.00.1380.x"));
    }

    // What generic code (a route binder, a configuration reader) does with any ISpanParsable.
    private static T Read<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), provider: null);
}
