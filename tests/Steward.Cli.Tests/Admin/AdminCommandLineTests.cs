namespace Steward.Cli.Tests.Admin;

/// <summary>The admin verbs before any server answers: parsing, the token, an unreachable server.</summary>
public sealed class AdminCommandLineTests
{
    public static TheoryData<string[]> EveryServerVerb => new()
    {
        { ["site", "add", "A01", "--version", "2.00.1493.2000", "-b", "10.1.0.0/16"] },
        { ["site", "list"] },
        { ["site", "show", "A01"] },
        { ["site", "set-version", "A01", "--version", "2.00.1493.2000"] },
        { ["site", "remove", "A01"] },
        { ["logon-point", "add", "DC1", "--site", "A01,B01"] },
        { ["logon-point", "list"] },
        { ["logon-point", "remove", "DC1"] },
        { ["package", "list"] },
        { ["package", "publish", "agent.zip", "--version", "2.00.1493.2000"] },
        { ["client", "list", "--site", "A01", "--seen-after", "2026-12-01T08:00:00Z"] },
        { ["client", "show", "c-1"] },
        { ["status"] },
        { ["audit", "--limit", "5"] },
    };

    [Theory]
    [MemberData(nameof(EveryServerVerb))]
    public async Task NoToken_ExitsNotAuthorized_SaysWhereTheTokenComesFrom_PrintsNothing(string[] args)
    {
        using var directory = new TempDirectory();

        var run = await InProcess.RunAsync(directory.Environment(), [.. args, "--json"]);

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("steward: no admin token: pass --token or --token-file, or set STEWARD_TOKEN\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryServerVerb))]
    public async Task NothingListening_ExitsUnreachable_NamesTheUrl(string[] args)
    {
        using var directory = new TempDirectory();
        directory.Write("agent.zip", "not really a zip: the server is never reached");
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var run = await InProcess.RunAsync(directory.Environment(("STEWARD_URL", url), ("STEWARD_TOKEN", "t")), args);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"steward: cannot reach the server at {url}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("The URL is given by $STEWARD_URL", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site", "add", "A01")]
    [InlineData("site", "set-version", "A01")]
    [InlineData("logon-point", "add", "DC1")]
    [InlineData("package", "publish", "agent.zip")]
    [InlineData("package", "build", "--version", "2.00.1493.2000")]
    [InlineData("client", "list", "--limit", "0")]
    [InlineData("client", "list", "--seen-before", "yesterday")]
    [InlineData("client", "show")]
    [InlineData("status", "--token")]
    public async Task CommandLineErrors_ExitInvalidInput_BeforeAnythingIsSent(params string[] args)
    {
        using var directory = new TempDirectory();

        var run = await InProcess.RunAsync(directory.Environment(("STEWARD_TOKEN", "t")), args);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("steward: ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'steward --help' for usage.\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishMissingFile_InvalidInput_NamesThePath()
    {
        using var directory = new TempDirectory();
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var run = await InProcess.RunAsync(directory.Environment(("STEWARD_URL", url), ("STEWARD_TOKEN", "t")), "package", "publish", "none.zip", "--version", "2.00.1493.2000");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal($"steward: {Path.Combine(directory.Path, "none.zip")}: no such file\n", run.Error);
    }
}
