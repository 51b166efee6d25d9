using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Agents;

/// <summary>What agents can get wrong, and what they may not do: each a clear 4xx, never a 500, never a partial write.</summary>
public abstract class AgentRefusalTests : ApiTest
{
    private string _secret = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        _secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
    }

    private async Task<Enrollment> EnrollAsync(string name, string address) =>
        (await App.Anonymous.LogonAsync("DC1", _secret, name, [address])).Enrollment!;

    [Fact]
    public async Task Logon_UnknownPoint_WrongSecret_BadFields_Refused_NothingRecorded()
    {
        var unknown = await App.Anonymous.PostLogonAsync("NOPE", new(_secret, "logon", "PC-1", ["10.2.0.1"], null, null, null));
        var wrong = await App.Anonymous.PostLogonAsync("DC1", new("wrong", "logon", "PC-1", ["10.2.0.1"], null, null, null));
        var bad = await App.Anonymous.PostLogonAsync("DC1", new(_secret, "reboot", "", ["10.2.0.300", "::1"], "id-only", null, "2.0"));

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, unknown);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, wrong);
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["addresses[0]", "clientId", "computerName", "installed", "trigger"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await Admin.FleetAsync()).Clients);
    }

    [Fact]
    public async Task Logon_UnknownPointAndWrongSecret_AnsweredAlike()
    {
        var unknown = await App.Anonymous.PostLogonAsync("NOPE", new("wrong", "logon", "PC-1", ["10.2.0.1"], null, null, null));
        var unknownWithSecret = await App.Anonymous.PostLogonAsync("NOPE", new(_secret, "logon", "PC-1", ["10.2.0.1"], null, null, null));
        var wrong = await App.Anonymous.PostLogonAsync("DC1", new("wrong", "logon", "PC-1", ["10.2.0.1"], null, null, null));

        var answers = new List<(int?, string?, string?, string?)>();
        foreach (var response in (HttpResponseMessage[])[unknown, unknownWithSecret, wrong])
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, response);
            answers.Add((problem.Status, problem.Type, problem.Title, problem.Detail));
        }

        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Cycle_UnknownClient_WrongSecret_NoCredentials_Unauthorized()
    {
        var enrolled = await EnrollAsync("PC-1", "10.2.0.1");
        using var unknown = App.Client(AgentApi.Basic("0198a3c1-0000-7000-8000-000000000000", enrolled.ClientSecret));
        using var wrong = App.Client(AgentApi.Basic(enrolled.ClientId, "stw_client_wrong"));
        var body = new CycleRequest(["10.2.0.1"], "2.00.1493.2000", null, null);

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await unknown.PostCycleAsync("B01", body));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await wrong.PostCycleAsync("B01", body));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await App.Anonymous.PostCycleAsync("B01", body));
        Assert.Single((await Admin.HistoryAsync(enrolled.ClientId)).Decisions);
    }

    [Fact]
    public async Task Cycle_MalformedVersionAndAddresses_UnknownSite_Refused()
    {
        var enrolled = await EnrollAsync("PC-1", "10.2.0.1");
        using var agent = App.Client(AgentApi.Basic(enrolled));

        var bad = await agent.PostCycleAsync("B01", new CycleRequest(["not-an-address"], "2.00.1493.20000000", null, new UpgradeReport("x", false, null, null)));
        var site = await agent.PostCycleAsync("ZZZ", new CycleRequest(["10.2.0.1"], "2.00.1493.2000", null, null));

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["addresses[0]", "installed", "lastUpgrade.version"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, site);
    }

    [Fact]
    public async Task Client_ReadsOnlyItsOwnRecord_AndNoAdminEndpoint()
    {
        var first = await EnrollAsync("PC-1", "10.2.0.1");
        var second = await EnrollAsync("PC-2", "10.2.0.2");
        using var agent = App.Client(AgentApi.Basic(first));

        var self = await agent.GetFromJsonAsync(Routes.Self, ProtocolJson.Default.SelfView);
        var other = await agent.GetAsync(Routes.Client(second.ClientId));
        var list = await agent.GetAsync(Routes.Clients);

        Assert.Equal((first.ClientId, "PC-1"), (self!.ClientId, self.Name));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, other);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, list);
    }

    [Fact]
    public async Task Report_RecordsTheResult_AndTheRunningVersion()
    {
        var enrolled = await EnrollAsync("PC-1", "10.2.0.1");
        using var agent = App.Client(AgentApi.Basic(enrolled));

        var report = await agent.PostAsJsonAsync(Routes.Report("B01"), new UpgradeReport("2.00.1493.2000", false, "health check failed: exit code 3", "2.00.1380.1000"), ProtocolJson.Default.UpgradeReport);

        await Expect.StatusAsync(HttpStatusCode.NoContent, report);
        var client = (await Admin.HistoryAsync(enrolled.ClientId)).Client;
        Assert.Equal("2.00.1380.1000", client.Installed);
        Assert.Equal(("2.00.1493.2000", false, "health check failed: exit code 3"), (client.LastUpgrade!.Version, client.LastUpgrade.Succeeded, client.LastUpgrade.Message));
    }
}

public sealed class AgentRefusalOnSqlite : AgentRefusalTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class AgentRefusalOnPostgres : AgentRefusalTests
{
    protected override Engine Engine => Engine.Postgres;
}
