namespace Steward.Simulation.Tests.Loading;

/// <summary>Names are shown in tables: a scenario's names may not hide characters that disguise them.</summary>
public class HiddenCharacterTests
{
    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u200B")]
    [InlineData("\u2066")]
    public void SiteName_WithAFormatCharacter_IsRefusedWhereItStands(string hidden)
    {
        var text = "sites: [{code: A01, name: \"HQ" + hidden + "exe\", version: 2.00.1380.1000}]";

        LoadAssert.SingleProblem(text, 1, 27, "'name'", $"U+{(int)hidden[0]:X4}", "format character");
    }

    [Fact]
    public void LogonPointName_WithAControlCharacter_IsRefused() =>
        LoadAssert.SingleProblem(
            "sites: [{code: A01, version: 2.00.1380.1000}]\nlogonPoints: [{name: \"DC\\u001B1\", sites: [A01]}]", 2, 22, "'name'", "U+001B", "control character");
}
