namespace Steward.Cli.Tests.Live;

/// <summary>Where the token comes from, against the real server's check of it.</summary>
public sealed class AuthTests : LiveTest
{
    [Fact]
    public async Task WrongToken_NotAuthorized_NamesWhereTheTokenCameFrom()
    {
        var run = await InProcess.RunAsync(Server.Work.Environment(("STEWARD_URL", Server.Url), ("STEWARD_TOKEN", "stw_admin_wrong")), "site", "list", "--json");

        Assert.Equal((ExitCodes.NotAuthorized, ""), (run.ExitCode, run.Out));
        Assert.Equal(
            $"steward: the server at {Server.Url} did not accept the admin token from STEWARD_TOKEN (401: the administrator token is not known to this server)\n" +
            "  the server writes its token to <data>/admin-token; pass it with --token or --token-file, or set $STEWARD_TOKEN\n",
            run.Error);
    }

    [Fact]
    public async Task TokenFileOfTheDefaultDataDirectory_UsedWithoutAnyOption()
    {
        Server.Work.Write("steward-data/admin-token", Server.Token + "\n");

        var run = await InProcess.RunAsync(Server.Work.Environment(("STEWARD_URL", Server.Url)), "site", "list");

        Assert.Equal((ExitCodes.Ok, "", "No sites yet; add one with 'steward site add'.\n"), (run.ExitCode, run.Error, run.Out));
    }

    [Fact]
    public async Task OptionsBeatTheEnvironment()
    {
        var tokenFile = Server.Work.Write("token", Server.Token);
        var environment = Server.Work.Environment(("STEWARD_URL", $"http://127.0.0.1:{FreePort.Next()}"), ("STEWARD_TOKEN", "stw_admin_wrong"));

        var run = await InProcess.RunAsync(environment, "status", "--server", Server.Url, "--token-file", tokenFile);

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Error));
        Assert.Equal("0 clients, 0 assigned to no site; 0 sites.\n", run.Out);
    }
}
