using Steward.Policy.Sites;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Sites;

public class SiteCodeTests
{
    [Theory]
    [InlineData("A01", "A01")]
    [InlineData("a01", "A01")]
    [InlineData("aBc", "ABC")]
    [InlineData("000", "000")]
    [InlineData("ZZ9", "ZZ9")]
    [InlineData("x7y", "X7Y")]
    public void Parse_ThreeLettersOrDigits_PrintsUpperCase(string text, string printed)
    {
        Assert.Equal(printed, Code(text).ToString());
    }

    [Fact]
    public void Equality_IgnoresCase()
    {
        Assert.Equal(Code("a01"), Code("A01"));
        Assert.True(Code("b0c") == Code("B0C"));
        Assert.False(Code("b0c") != Code("B0C"));
        Assert.Equal(Code("b0c").GetHashCode(), Code("B0C").GetHashCode());
        Assert.NotEqual(Code("A01"), Code("A02"));
        Assert.True(Code("A01").Equals((object)Code("a01")));
        Assert.False(Code("A01").Equals((object)"A01"));
    }

    [Fact]
    public void Ordering_IsByUpperCaseText_DigitsBeforeLetters()
    {
        string[] ascending = ["000", "009", "0A0", "A01", "a02", "B00", "Z99", "ZZZ"];
        var codes = ascending.Select(Code).ToArray();

        for (var i = 0; i + 1 < codes.Length; i++)
        {
            Assert.True(codes[i] < codes[i + 1]);
            Assert.True(codes[i] <= codes[i + 1]);
            Assert.True(codes[i + 1] > codes[i]);
            Assert.True(codes[i + 1] >= codes[i]);
            Assert.True(codes[i].CompareTo(codes[i + 1]) < 0);
        }

        Assert.Equal(0, Code("abc").CompareTo(Code("ABC")));
    }

    [Theory]
    [InlineData("", "exactly three")]
    [InlineData("A0", "exactly three")]
    [InlineData("A012", "exactly three")]
    [InlineData("A-1", "'-' is not a letter or digit")]
    [InlineData("A 1", "' ' is not a letter or digit")]
    [InlineData(" A1", "' ' is not a letter or digit")]
    [InlineData("A_1", "'_' is not a letter or digit")]
    [InlineData("AÉ1", "'É' is not a letter or digit")]
    [InlineData("ı01", "'ı' is not a letter or digit")]
    [InlineData("A\u0661B", "is not a letter or digit")]
    public void Parse_AnythingElse_IsRefusedNamingTheText(string text, string problem)
    {
        var result = SiteCode.Parse(text);

        Assert.False(result.Success);
        Assert.Contains($"'{text}' is not a site code", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseExact_Invalid_Throws()
    {
        Assert.Throws<FormatException>(() => SiteCode.ParseExact("A-1"));
    }
}
