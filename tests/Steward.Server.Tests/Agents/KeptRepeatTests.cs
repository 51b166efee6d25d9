using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Steward.Protocol.Agent;
using Steward.Server.Heartbeats;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Agents;

/// <summary>
/// A cycle that repeats the client's last decision from the same inputs is answered as it was kept
/// (decision 0010): the same answer, counted as a repeat, and never once any input changed.
/// </summary>
public abstract class KeptRepeatTests : ApiTest
{
    private Enrollment _enrolled = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.PublishAsync("2.00.1493.2001");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        _enrolled = (await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
    }

    [Fact]
    public async Task SameInputs_SameAnswer_CountedAsRepeats_ThenASiteChangeIsDecidedAfresh()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));
        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await agent.PostCycleAsync("B01", new CycleRequest(["10.2.0.1"], "2.00.1493.2000", null, null));
            await Expect.StatusAsync(HttpStatusCode.OK, response);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        await Admin.SetSiteVersionAsync("B01", "2.00.1493.2001");
        var changed = await agent.CycleAsync("B01", ["10.2.0.1"], "2.00.1493.2000");
        var history = await RepeatsWrittenAsync(1, 3);

        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        Assert.Contains("\"outcome\":\"UpToDate\"", answers[0], StringComparison.Ordinal);
        Assert.Equal(("Upgraded", "2.00.1493.2001"), (changed.Outcome, changed.VersionAfter));
        Assert.Equal(["Installed", "UpToDate", "Upgraded"], history.Decisions.Select(d => d.Outcome));
        Assert.Equal(3L, history.Decisions[1].Repeats);
    }

    // Repeats are written with the heartbeats, in batches (every 50 ms in tests), even after a newer decision.
    // The wait is for the writes themselves (the queue's NextFlush), read again after each.
    private async Task<Protocol.Admin.ClientHistory> RepeatsWrittenAsync(int decision, long repeats)
    {
        var heartbeats = App.Services.GetRequiredService<HeartbeatQueue>();
        var written = heartbeats.NextFlush;
        var history = await Admin.HistoryAsync(_enrolled.ClientId);
        for (var i = 0; i < 600 && history.Decisions[decision].Repeats < repeats; i++)
        {
            await written.WaitAsync(TimeSpan.FromMinutes(1));
            written = heartbeats.NextFlush;
            history = await Admin.HistoryAsync(_enrolled.ClientId);
        }

        return history;
    }

    [Fact]
    public async Task AnotherAddress_OrAReport_IsDecidedAfresh_AnotherSpellingOfTheVersionAnswersAlike()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));
        await agent.CycleAsync("B01", ["10.2.0.1"], "2.00.1493.2000");
        await agent.CycleAsync("B01", ["10.2.0.1"], "2.00.1493.2000");

        var spelled = await agent.CycleAsync("B01", ["10.2.0.1"], "2.0.1493.2000");
        var report = await agent.PostCycleAsync("B01", new CycleRequest(["10.2.0.1"], "2.00.1493.2000", null, new UpgradeReport("2.00.1493.2000", true, "ok", null)));
        var moved = await agent.CycleAsync("B01", ["10.9.0.1"], "2.00.1493.2000");
        var history = await Admin.HistoryAsync(_enrolled.ClientId);

        Assert.Equal("UpToDate", spelled.Outcome);
        await Expect.StatusAsync(HttpStatusCode.OK, report);
        Assert.Equal("Unassigned", moved.Outcome);
        Assert.Equal("Unassigned", history.Decisions[^1].Outcome);
        Assert.Equal("2.00.1493.2000", history.Client.LastUpgrade!.Version);
    }

    [Fact]
    public async Task AddressesGluedByAComma_AWrongSecret_AreRefusedLikeAnyOther()
    {
        await Admin.AddSiteAsync("B02", "2.00.1493.2000", "10.3.0.0/16");
        using var agent = App.Client(AgentApi.Basic(_enrolled));
        using var wrong = App.Client(AgentApi.Basic(_enrolled.ClientId, "stw_client_wrong"));
        await agent.CycleAsync("B01", ["10.2.0.1", "10.3.0.1"], "2.00.1493.2000");
        await agent.CycleAsync("B01", ["10.2.0.1", "10.3.0.1"], "2.00.1493.2000");

        var glued = await agent.PostCycleAsync("B01", new CycleRequest(["10.2.0.1,10.3.0.1"], "2.00.1493.2000", null, null));
        var stranger = await wrong.PostCycleAsync("B01", new CycleRequest(["10.2.0.1", "10.3.0.1"], "2.00.1493.2000", null, null));

        await Expect.FieldErrorAsync(glued, "addresses[0]");
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, stranger);
    }
}

public sealed class KeptRepeatOnSqlite : KeptRepeatTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class KeptRepeatOnPostgres : KeptRepeatTests
{
    protected override Engine Engine => Engine.Postgres;
}
