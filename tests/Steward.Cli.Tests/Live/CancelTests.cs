using Steward.Cli.Io;

namespace Steward.Cli.Tests.Live;

/// <summary>Ctrl+C (or a termination signal) cancels the command line's token: the verb says what that means and exits with 130.</summary>
public sealed class CancelTests : LiveTest
{
    [Fact]
    public async Task Cancelled_SaysTheChangeMayOrMayNotHaveBeenMade_ExitCancelled()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var code = await StewardCli.RunAsync(
            ["site", "add", "A01", "--version", "2.00.1493.2000"], new Terminal(output, error, Interactive: false), Server.Environment(), cancelled.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal("", output.ToString());
        Assert.Equal("steward: stopped before the server answered; a change may or may not have been made (look with list or show)\n", error.ToString());
    }
}
