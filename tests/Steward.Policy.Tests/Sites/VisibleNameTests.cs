using Steward.Policy.Sites;

namespace Steward.Policy.Tests.Sites;

public class VisibleNameTests
{
    [Theory]
    [InlineData("Headquarters")]
    [InlineData("Zürich – Bahnhofstraße")]
    [InlineData("מטה ראשי")]
    [InlineData("東京 本社 𠮷")]
    [InlineData("Ops 🚀")]
    public void VisibleText_HasNoProblem(string text) => Assert.Null(VisibleName.Problem(text));

    [Theory]
    [InlineData("HQ\u202Etxt.exe", "U+202E", "format")]
    [InlineData("HQ\u202A", "U+202A", "format")]
    [InlineData("HQ\u2066x\u2069", "U+2066", "format")]
    [InlineData("\u200EHQ", "U+200E", "format")]
    [InlineData("H\u200FQ", "U+200F", "format")]
    [InlineData("H\u200BQ", "U+200B", "format")]
    [InlineData("H\u200DQ", "U+200D", "format")]
    [InlineData("HQ\uFEFF", "U+FEFF", "format")]
    [InlineData("HQ\U000E0041", "U+E0041", "format")]
    [InlineData("HQ\n", "U+000A", "control")]
    [InlineData("H\tQ", "U+0009", "control")]
    [InlineData("HQ\u0085", "U+0085", "control")]
    [InlineData("\u001BHQ", "U+001B", "control")]
    public void HiddenCharacters_AreNamed(string text, string character, string kind)
    {
        var problem = VisibleName.Problem(text);

        Assert.NotNull(problem);
        Assert.Contains(character, problem, StringComparison.Ordinal);
        Assert.Contains($"{kind} character", problem, StringComparison.Ordinal);
    }

    // Built in code: an attribute's strings are stored as UTF-8, where an unpaired surrogate cannot be.
    [Fact]
    public void UnpairedSurrogates_AreRefused()
    {
        Assert.Contains("U+D800", VisibleName.Problem("HQ" + (char)0xD800), StringComparison.Ordinal);
        Assert.Contains("U+DC00", VisibleName.Problem((char)0xDC00 + "HQ"), StringComparison.Ordinal);
    }
}
