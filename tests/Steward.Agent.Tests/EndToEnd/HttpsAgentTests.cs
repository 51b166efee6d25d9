using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Agent.Tests.EndToEnd;

/// <summary>
/// Native agents against the real server over HTTPS, its certificate issued by a private CA made here: with
/// <c>--ca</c> they enroll, install over HTTPS and run cycles; without it, or against a certificate for
/// another name, they refuse the server with a clear message and exit code 1, and install nothing. The
/// agent's travel mode reaches the server with its next cycle and is in the client's history.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class HttpsAgentTests(NativeAgentBuilds builds) : IDisposable
{
    private const string Sp2 = NativeAgentBuilds.Sp2;
    private const string Secret = "dc1-enrollment-secret";

    private readonly TempDirectory _temp = new("steward-https");

    [Fact]
    public async Task WithTheCa_EnrollsInstallsAndCycles_WithoutIt_OrForAnotherName_TheServerIsRefused()
    {
        using var ca = new TestCa("Steward Test CA");
        var caFile = ca.WritePem(_temp.Combine("ca.pem"));
        await using var server = await RealServer.StartHttpsAsync(_temp.Combine("server-data"), ca.Issue(_temp.Path, "steward-server"), () => ca.Handler());
        await server.PublishAsync(await Q262677StoryTests.BuildPackageAsync(builds, _temp, Sp2), Sp2);
        await server.SendAsync(HttpMethod.Post, Routes.Sites, new SiteRequest("B01", "Branch", Sp2, ["10.1.0.0/16"]), ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView);
        await server.SendAsync(HttpMethod.Post, Routes.LogonPoints, new LogonPointRequest("DC1", ["B01"], null, Secret), ProtocolJson.Default.LogonPointRequest, ProtocolJson.Default.LogonPointView);

        var untrusted = await LogonAsync(server.Origin, _temp.Combine("pc-untrusted"));
        var trusted = _temp.Combine("pc-trusted");
        var enrolled = await LogonAsync(server.Origin, trusted, "--ca", caFile);
        var cycle = await NativeWorld.RunAsync(trusted, "cycle", "--json");

        Assert.Equal(1, untrusted.ExitCode);
        Assert.Contains("not signed by a CA this computer trusts", untrusted.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Combine("pc-untrusted"), "current")), "an untrusted server must install nothing");
        Assert.True(enrolled.ExitCode == 0, enrolled.ToString());
        Assert.Equal("Installed", NativeWorld.Result(enrolled).Outcome);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(trusted));
        Assert.True(cycle.ExitCode == 0, cycle.ToString());
        Assert.Equal("UpToDate", NativeWorld.Result(cycle).Outcome);

        // Travel mode: set at the computer, sent with the next cycle, in the client's history.
        var travel = await NativeWorld.RunAsync(trusted, "travel", "on");
        var pending = NativeWorld.Status(await NativeWorld.RunAsync(trusted, "status", "--json"));
        var travelling = await NativeWorld.RunAsync(trusted, "cycle", "--json");
        var sent = NativeWorld.Status(await NativeWorld.RunAsync(trusted, "status", "--json"));
        var history = await server.GetAsync(Routes.Client(sent.ClientId!), ProtocolJson.Default.ClientHistory);

        Assert.True(travel.ExitCode == 0, travel.ToString());
        Assert.True(pending.PendingTravel);
        Assert.True(travelling.ExitCode == 0, travelling.ToString());
        Assert.Null(sent.PendingTravel);
        Assert.True(history.Client.Travel);
        Assert.Contains(history.Decisions, d => d.Trigger == "travel" && d.Reason.StartsWith("Travel mode turned on by the agent", StringComparison.Ordinal));

        // The same CA, but a certificate for another name than the address the agent asks.
        await using var elsewhere = await RealServer.StartHttpsAsync(_temp.Combine("other-data"), ca.Issue(_temp.Path, "other-server", "other.example"), () => ca.Handler(anyName: true));
        var wrongName = await LogonAsync(elsewhere.Origin, _temp.Combine("pc-wrong-name"), "--ca", caFile);

        Assert.Equal(1, wrongName.ExitCode);
        Assert.Contains("certificate is for another name", wrongName.ToString(), StringComparison.Ordinal);
    }

    private Task<AgentRun> LogonAsync(Uri origin, string state, params string[] extra) =>
        AgentProcess.RunAsync(builds.Program(Sp2), [
            "logon", "--logon-point", new Uri(origin, Routes.Logon("DC1")).ToString(), "--secret", Secret, "--state-dir", state,
            "--name", "PC-TLS", "--address", "10.1.0.5", "--json", .. extra]);

    public void Dispose() => _temp.Dispose();
}
