using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary><c>steward rollout ...</c> against the real server.</summary>
public sealed class RolloutVerbTests : LiveTest
{
    [Fact]
    public async Task StartShowHaltResumeAbortList_EachAsTheServerSaysIt()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        await Hierarchy.PublishAsync(Server, "2.00.1493.2100");
        await Agents.LogonAsync(Server, "DC1", secret, "PC-1", "10.2.0.1");
        await Agents.LogonAsync(Server, "DC1", secret, "PC-2", "10.2.0.2");

        var start = await Server.RunAsync("rollout", "start", "b01", "--version", "2.00.1493.2100", "--pilot", "pc-1", "--window", "3d", "--halt-failures", "2", "--halt-rate", "0.1", "--id", "sp2h");
        var show = await Server.RunAsync("rollout", "show", "sp2h");
        var halt = await Server.RunAsync("rollout", "halt", "sp2h");
        var resume = await Server.RunAsync("rollout", "resume", "sp2h", "--json");
        var promote = await Server.RunAsync("rollout", "promote", "sp2h");
        var abort = await Server.RunAsync("rollout", "abort", "sp2h");
        var list = await Server.RunAsync("rollout", "list");
        var again = await Server.RunAsync("rollout", "abort", "sp2h");

        Assert.Equal((ExitCodes.Ok, ""), (start.ExitCode, start.Error));
        Assert.StartsWith("Started rollout sp2h of B01 from 2.00.1493.2000 to 2.00.1493.2100 (window 3d, halt at 2 failures and 10 %): 1 pilot client first", start.Out, StringComparison.Ordinal);
        Assert.EndsWith("Its id is sp2h.\n", start.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, show.ExitCode);
        Assert.Contains("Rollout sp2h of B01: 2.00.1493.2000 → 2.00.1493.2100, pilot\n", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"at 2\.00\.1493\.2100\s+░{30} 0\n", show.Out);
        Assert.Matches(@"scheduled\s+█{15}░{15} 1\n", show.Out);
        Assert.Matches(@"not yet seen\s+█{15}░{15} 1\n", show.Out);
        Assert.Contains("Pilot clients that have not reported\n    PC-1 (", show.Out, StringComparison.Ordinal);
        Assert.StartsWith("Halted rollout sp2h of B01 (0 upgrades succeeded, 0 failed)", halt.Out, StringComparison.Ordinal);
        Assert.Equal("pilot", (string)JsonNode.Parse(resume.Out)!["state"]!);
        Assert.StartsWith("Promoted rollout sp2h of B01: it spreads from", promote.Out, StringComparison.Ordinal);
        Assert.StartsWith("Aborted rollout sp2h of B01", abort.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ sp2h\s+│ B01\s+│ 2\.00\.1493\.2000 → 2\.00\.1493\.2100 │ aborted", list.Out);
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        Assert.Contains("Cannot abort rollout sp2h of B01: it is aborted", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAPilotClientOutsideTheSite_PrintsAWarning_AndStarts()
    {
        await Hierarchy.Q262677Async(Server);
        await Hierarchy.PublishAsync(Server, "2.00.1493.2100");
        await Hierarchy.AddSiteAsync(Server, "C01", "2.00.1493.2000", "10.3.0.0/16");
        var secret = await Hierarchy.AddLogonPointAsync(Server, "DC3", "C01");
        await Agents.LogonAsync(Server, "DC3", secret, "PC-A", "10.3.0.6");

        var run = await Server.RunAsync("rollout", "start", "B01", "--version", "2.00.1493.2100", "--pilot", "PC-A", "--id", "far");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.EndsWith("Its id is far.\n", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("warning: Rollout far of B01 names PC-A in its pilot, but PC-A is neither assigned to B01 nor inside its boundaries", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetVersionDuringARollout_IsRefusedNamingVersion()
    {
        await Hierarchy.Q262677Async(Server);
        await Hierarchy.PublishAsync(Server, "2.00.1493.2100");
        Assert.Equal(ExitCodes.Ok, (await Server.RunAsync("rollout", "start", "B01", "--version", "2.00.1493.2100", "--id", "r1")).ExitCode);

        var run = await Server.RunAsync("site", "set-version", "B01", "--version", "2.00.1493.2100");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("version: site B01 has an active rollout r1 (spreading)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmbiguousPilotName_ListsTheCandidates()
    {
        var secret = await Hierarchy.Q262677Async(Server);
        await Hierarchy.PublishAsync(Server, "2.00.1493.2100");
        await Agents.LogonAsync(Server, "DC1", secret, "TWIN", "10.2.0.1");
        await Agents.LogonAsync(Server, "DC1", secret, "TWIN", "10.2.0.2");

        var run = await Server.RunAsync("rollout", "start", "B01", "--version", "2.00.1493.2100", "--pilot", "twin");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("pilot[0]: the name 'twin' matches 2 clients:", run.Error, StringComparison.Ordinal);
        Assert.Contains("No rollouts yet", (await Server.RunAsync("rollout", "list")).Out, StringComparison.Ordinal);
    }
}
