using System.Net;
using System.Net.Http.Json;
using System.Text;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Clients;

/// <summary>
/// Travel mode on a real server: the agent sends its change with a cycle, an administrator sets it through
/// the API; each change is a history entry in words, the latest one wins, and a kept answer is never
/// replayed across a change.
/// </summary>
public abstract class TravelTests : ApiTest
{
    private const string Inside = "10.2.0.1";
    private const string Outside = "10.9.0.1";
    private const string Version = "2.00.1493.2000";

    private Enrollment _enrolled = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync(Version);
        await Admin.AddSiteAsync("B01", Version, "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        _enrolled = (await App.Anonymous.LogonAsync("DC1", secret, "PC-1", [Inside])).Enrollment!;
    }

    [Fact]
    public async Task TheAgentsChange_ReadByTheFastReaderOrTheSerializer_IsRecordedAndDecidedOn()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));

        // Only the fields the fast reader knows: it reads this body.
        var on = await CycleAsync(agent, new CycleRequest([Outside], Version, ["B01"], null, Travel: true));
        var kept = await CycleAsync(agent, new CycleRequest([Outside], Version, ["B01"], null));
        var travelling = await Admin.HistoryAsync(_enrolled.ClientId);

        // With a report, the serializer reads it.
        var off = await CycleAsync(agent, new CycleRequest([Outside], Version, ["B01"], new UpgradeReport(Version, true, "ok", null), Travel: false));
        var history = await Admin.HistoryAsync(_enrolled.ClientId);

        Assert.Equal(("UpToDate", "UpToDate"), (on.Outcome, kept.Outcome));
        Assert.Contains("because it is travelling", on.Reason, StringComparison.Ordinal);
        Assert.True(travelling.Client.Travel);
        Assert.Equal("Unassigned", off.Outcome);
        Assert.False(history.Client.Travel);
        var entries = history.Decisions.Select(d => (d.Trigger, d.Outcome)).ToArray();
        Assert.Equal([("logon", "Installed"), ("travel", "Installed"), ("maintenance", "UpToDate"), ("travel", "UpToDate"), ("maintenance", "Unassigned")], entries);
        Assert.StartsWith("Travel mode turned on by the agent", history.Decisions[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("Travel mode turned off by the agent", history.Decisions[3].Reason, StringComparison.Ordinal);
        Assert.Equal(("B01", "B01"), (history.Decisions[3].Via, string.Join(',', history.Decisions[3].SitesAfter)));
    }

    [Fact]
    public async Task AnAdministratorsChange_IsInTheHistoryAndTheAuditLog_AndASecondOneLikeItChangesNothing()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));

        var set = await SetTravelAsync(true);
        var again = await SetTravelAsync(true);
        var outside = await CycleAsync(agent, new CycleRequest([Outside], Version, null, null));
        var history = await Admin.HistoryAsync(_enrolled.ClientId);
        var audit = (await Admin.GetFromJsonAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry))!;

        Assert.True(set.Travel);
        Assert.True(again.Travel);
        Assert.Equal("UpToDate", outside.Outcome);
        var travel = Assert.Single(history.Decisions, d => d.Trigger == "travel");
        Assert.StartsWith("Travel mode turned on by token admin", travel.Reason, StringComparison.Ordinal);
        Assert.Equal("admin", travel.Via);
        var entry = Assert.Single(audit, a => a.Action.StartsWith("client.travel", StringComparison.Ordinal));
        Assert.Equal(("admin", "client.travel.on", _enrolled.ClientId), (entry.Actor, entry.Action, entry.Target));
    }

    [Fact]
    public async Task TheLatestChangeWins_WhoeverMakesIt()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));

        await SetTravelAsync(true);
        var agentOff = await CycleAsync(agent, new CycleRequest([Inside], Version, null, null, Travel: false));
        var afterAgent = (await Admin.HistoryAsync(_enrolled.ClientId)).Client.Travel;
        await SetTravelAsync(true);
        var unchanged = await CycleAsync(agent, new CycleRequest([Outside], Version, null, null));
        var history = await Admin.HistoryAsync(_enrolled.ClientId);

        Assert.Equal("UpToDate", agentOff.Outcome);
        Assert.False(afterAgent);
        Assert.Equal("UpToDate", unchanged.Outcome);
        Assert.True(history.Client.Travel);
        Assert.Equal(
            ["token admin", "the agent", "token admin"],
            history.Decisions.Where(d => d.Trigger == "travel").Select(d => d.Reason.Split(':')[0].Split(" by ")[1]));
    }

    [Fact]
    public async Task AKeptAnswer_IsNeverReplayed_WhenTheAgentChangesTravelMode()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));
        await SetTravelAsync(true);
        await CycleAsync(agent, new CycleRequest([Outside], Version, null, null));
        await CycleAsync(agent, new CycleRequest([Outside], Version, null, null));

        // The same inputs but the agent's change: the kept UpToDate must not answer it.
        var byAgent = await CycleAsync(agent, new CycleRequest([Outside], Version, null, null, Travel: false));

        Assert.Equal("Unassigned", byAgent.Outcome);
    }

    [Fact]
    public async Task AKeptAnswer_IsNeverReplayed_WhenAnAdministratorChangesTravelMode()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));
        await SetTravelAsync(true);
        await CycleAsync(agent, new CycleRequest([Outside], Version, null, null));
        await CycleAsync(agent, new CycleRequest([Outside], Version, null, null));

        await SetTravelAsync(false);
        var byAdmin = await CycleAsync(agent, new CycleRequest([Outside], Version, null, null));

        Assert.Equal("Unassigned", byAdmin.Outcome);
    }

    [Fact]
    public async Task BadRequests_AreProblemDocuments()
    {
        var missing = await Admin.PutAsync(Routes.ClientTravel(_enrolled.ClientId), Json("{}"));
        var wrongType = await Admin.PutAsync(Routes.ClientTravel(_enrolled.ClientId), Json("""{"enabled":"yes"}"""));
        var nobody = await Admin.PutAsJsonAsync(Routes.ClientTravel("no-such-client"), new TravelRequest(true), ProtocolJson.Default.TravelRequest);
        var anonymous = await App.Anonymous.PutAsJsonAsync(Routes.ClientTravel(_enrolled.ClientId), new TravelRequest(true), ProtocolJson.Default.TravelRequest);

        await Expect.FieldErrorAsync(missing, "enabled");
        await Expect.FieldErrorAsync(wrongType, "enabled");
        await Expect.ProblemAsync(HttpStatusCode.NotFound, nobody);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, anonymous);
        Assert.False((await Admin.HistoryAsync(_enrolled.ClientId)).Client.Travel);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<CycleResponse> CycleAsync(HttpClient agent, CycleRequest request)
    {
        var response = await agent.PostCycleAsync("B01", request);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.CycleResponse))!;
    }

    private async Task<ClientView> SetTravelAsync(bool enabled)
    {
        var response = await Admin.PutAsJsonAsync(Routes.ClientTravel(_enrolled.ClientId), new TravelRequest(enabled), ProtocolJson.Default.TravelRequest);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ClientView))!;
    }
}

public sealed class TravelOnSqlite : TravelTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class TravelOnPostgres : TravelTests
{
    protected override Engine Engine => Engine.Postgres;
}
