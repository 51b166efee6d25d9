using Steward.Agent.Cli;

namespace Steward.Agent.Tests.Cli;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("23h", 23 * 3600.0)]
    [InlineData("90m", 5400.0)]
    [InlineData("30s", 30.0)]
    [InlineData("500ms", 0.5)]
    [InlineData("1.5d", 129600.0)]
    public void Parse_WrittenDurations(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("23")]
    [InlineData("h")]
    [InlineData("-5m")]
    [InlineData("5 minutes")]
    public void Parse_Nonsense_IsRefusedWithAnExample(string text)
    {
        Assert.Null(Durations.Parse(text, out var error));
        Assert.Contains("23h", error, StringComparison.Ordinal);
    }
}
