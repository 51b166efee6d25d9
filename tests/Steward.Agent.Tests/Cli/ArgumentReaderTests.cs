using Steward.Agent.Cli;

namespace Steward.Agent.Tests.Cli;

public sealed class ArgumentReaderTests
{
    private static (IReadOnlySet<string> Options, IReadOnlySet<string> Flags)? Grammar(string verb) =>
        verb == "logon" ? (new HashSet<string> { "--logon-point", "--address" }, new HashSet<string> { "--json" }) : null;

    [Fact]
    public void Read_OptionsInBothFormsAndRepeated()
    {
        var parsed = ArgumentReader.Read(["logon", "--logon-point", "http://x/v1/logon/DC1", "--address=10.1.0.5", "--address", "10.2.0.5", "--json"], Grammar);

        Assert.Null(parsed.Error);
        Assert.Equal("logon", parsed.Verb);
        Assert.Equal("http://x/v1/logon/DC1", parsed.Value("--logon-point"));
        Assert.Equal(["10.1.0.5", "10.2.0.5"], parsed.All("--address"));
        Assert.True(parsed.Has("--json"));
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "'frobnicate' is not a command")]
    [InlineData(new[] { "logon", "--nope", "1" }, "'--nope' is not an option of 'logon'")]
    [InlineData(new[] { "logon", "--logon-point" }, "'--logon-point' needs a value")]
    [InlineData(new[] { "logon", "stray" }, "unexpected argument 'stray'")]
    public void Read_Mistakes_SayWhatIsWrong(string[] args, string error)
    {
        Assert.Equal(error, ArgumentReader.Read(args, Grammar).Error);
    }

    [Fact]
    public void Read_Help_IsAFlagWithoutVerb()
    {
        var parsed = ArgumentReader.Read(["--help"], Grammar);

        Assert.Null(parsed.Verb);
        Assert.True(parsed.Has("--help"));
    }
}
