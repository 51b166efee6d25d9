using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Agents;

/// <summary>The site in a report's path is checked as the cycle checks it: a report to no access point records nothing.</summary>
public abstract class ReportSiteTests : ApiTest
{
    private static readonly UpgradeReport Failed = new("2.00.1493.2000", false, "health check failed", "2.00.1380.1000");

    private Enrollment _enrolled = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        await Admin.AddSiteAsync("C01", "2.00.1493.2000", "10.3.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        _enrolled = (await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient agent, string site) =>
        agent.PostAsJsonAsync(Routes.Report(site), Failed, ProtocolJson.Default.UpgradeReport);

    [Theory]
    [InlineData("not a site")]
    [InlineData("B0")]
    [InlineData("B01\u202E")]
    public async Task MalformedSite_Refused400NamingSite_LikeTheCycle(string site)
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));

        var report = await ReportAsync(agent, site);
        var cycle = await agent.PostCycleAsync(site, new CycleRequest(["10.2.0.1"], "2.00.1493.2000", null, null));

        Assert.Equal(await Expect.FieldErrorAsync(cycle, "site"), await Expect.FieldErrorAsync(report, "site"));
        Assert.Null((await Admin.HistoryAsync(_enrolled.ClientId)).Client.LastUpgrade);
    }

    [Fact]
    public async Task UnknownSite_Refused404_WithTheCyclesAnswer_NothingRecorded()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));

        var report = await ReportAsync(agent, "ZZ9");
        var cycle = await agent.PostCycleAsync("ZZ9", new CycleRequest(["10.2.0.1"], "2.00.1493.2000", null, null));

        var refused = await Expect.ProblemAsync(HttpStatusCode.NotFound, report);
        Assert.Equal((await Expect.ProblemAsync(HttpStatusCode.NotFound, cycle)).Detail, refused.Detail);
        Assert.Null((await Admin.HistoryAsync(_enrolled.ClientId)).Client.LastUpgrade);
    }

    [Fact]
    public async Task UnknownSite_WithoutCredentials_Unauthorized_LikeTheCycle()
    {
        var report = await ReportAsync(App.Anonymous, "ZZ9");

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, report);
    }

    [Fact]
    public async Task AnotherExistingSite_Accepted_AsTheCycleServesIt()
    {
        // Any existing site's access point serves a client's cycle (the server's record decides its sites),
        // so it takes its report too.
        using var agent = App.Client(AgentApi.Basic(_enrolled));

        var cycle = await agent.PostCycleAsync("c01", new CycleRequest(["10.2.0.1"], "2.00.1493.2000", null, null));
        var report = await ReportAsync(agent, "c01");

        await Expect.StatusAsync(HttpStatusCode.OK, cycle);
        await Expect.StatusAsync(HttpStatusCode.NoContent, report);
        Assert.Equal("health check failed", (await Admin.HistoryAsync(_enrolled.ClientId)).Client.LastUpgrade!.Message);
    }
}

public sealed class ReportSiteOnSqlite : ReportSiteTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class ReportSiteOnPostgres : ReportSiteTests
{
    protected override Engine Engine => Engine.Postgres;
}
