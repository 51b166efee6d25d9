using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Steward.Protocol;
using Steward.Server.Heartbeats;
using Steward.Server.Hosting;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Clients;

/// <summary>Listing and filtering clients, the fleet summary, and how repeated decisions are kept.</summary>
public abstract class ClientApiTests : ApiTest
{
    // The server's clock: a repeat is later than its decision, and a heartbeat batch is written, when the test moves it.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    protected override Action<IServiceCollection>? Services => services => services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public async Task List_FilterBySiteVersionOutcome_PagesInIdOrder_FleetAgrees()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000", "10.1.0.0/16");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var a = await Admin.AddLogonPointAsync("LA", ["A01"]);
        var b = await Admin.AddLogonPointAsync("LB", ["B01"]);
        for (var i = 1; i <= 3; i++)
        {
            await App.Anonymous.LogonAsync("LA", a, $"A-{i}", [$"10.1.0.{i}"]);
        }

        for (var i = 1; i <= 2; i++)
        {
            await App.Anonymous.LogonAsync("LB", b, $"B-{i}", [$"10.2.0.{i}"]);
        }

        var onA = await Admin.GetFromJsonAsync(Routes.Clients + "?site=a01", ProtocolJson.Default.ClientPage);
        var sp2 = await Admin.GetFromJsonAsync(Routes.Clients + "?version=2.0.1493.2000&outcome=Installed", ProtocolJson.Default.ClientPage);
        var page1 = await Admin.GetFromJsonAsync(Routes.Clients + "?limit=2", ProtocolJson.Default.ClientPage);
        var page2 = await Admin.GetFromJsonAsync(Routes.Clients + $"?limit=2&after={page1!.Next}", ProtocolJson.Default.ClientPage);
        var fleet = await Admin.FleetAsync();

        Assert.Equal(["A-1", "A-2", "A-3"], onA!.Clients.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["B-1", "B-2"], sp2!.Clients.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, page1.Clients.Concat(page2!.Clients).Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((5L, 0L), (fleet.Clients, fleet.Unassigned));
        Assert.Equal([("A01", 3L), ("B01", 2L)], fleet.Sites.Select(s => (s.Code, s.Clients)));
        Assert.Equal(2L, fleet.Sites[1].Versions["2.00.1493.2000"]);
    }

    [Fact]
    public async Task List_BadFilters_NamedByField()
    {
        var response = await Admin.GetAsync(Routes.Clients + "?site=A0!&version=2.0&outcome=Exploded&seenAfter=yesterday&limit=0");

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(["limit", "outcome", "seenAfter", "site", "version"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_UnknownOutcome_ListsTheOutcomeWords()
    {
        var response = await Admin.GetAsync(Routes.Clients + "?outcome=Exploded");

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        var words = Assert.Single(problem.Errors!["outcome"]);
        Assert.StartsWith("'Exploded' is not an outcome word (Installed, NotInBoundaries, ", words, StringComparison.Ordinal);
        Assert.Contains("DeferredToMaintenance", words, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownClient_NotFound()
    {
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await Admin.GetAsync(Routes.Client("no-such-client")));
    }

    [Fact]
    public async Task RepeatedCycle_CountsOnTheLastDecision_ChangedOneIsANewDecision()
    {
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        var enrolled = (await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
        using var agent = App.Client(AgentApi.Basic(enrolled));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("UpToDate", (await agent.CycleAsync("B01", ["10.2.0.1"], "2.00.1493.2000")).Outcome);
            _time.Advance(TimeSpan.FromMilliseconds(5));
        }

        var repeated = await WaitForRepeatsAsync(enrolled.ClientId, 2);
        var moved = await agent.CycleAsync("B01", ["10.9.0.1"], "2.00.1493.2000");
        var history = await Admin.HistoryAsync(enrolled.ClientId);

        Assert.Equal(["Installed", "UpToDate"], repeated.Decisions.Select(d => d.Outcome));
        Assert.True(repeated.Decisions[1].LastAt > repeated.Decisions[1].At);
        Assert.Equal("Unassigned", moved.Outcome);
        Assert.Equal(["Installed", "UpToDate", "Unassigned"], history.Decisions.Select(d => d.Outcome));
        Assert.True(history.Decisions[1].Repeats >= 2, "the repeats stay with the decision they repeated");
        Assert.True(history.Decisions[1].LastAt > history.Decisions[1].At);
        Assert.Equal(0L, history.Decisions[2].Repeats);
        Assert.Empty(history.Client.Sites);
        Assert.Equal(1L, (await Admin.FleetAsync()).Unassigned);
    }

    [Fact]
    public async Task SiteVersionChange_SeenByTheNextCycle()
    {
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.PublishAsync("2.00.1493.2001");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        var enrolled = (await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
        using var agent = App.Client(AgentApi.Basic(enrolled));

        var before = await agent.CycleAsync("B01", ["10.2.0.1"], "2.00.1493.2000");
        await Admin.SetSiteVersionAsync("B01", "2.00.1493.2001");
        var after = await agent.CycleAsync("B01", ["10.2.0.1"], "2.00.1493.2000");
        var next = await agent.CycleAsync("B01", ["10.2.0.1"], "2.00.1493.2001");

        Assert.Equal("UpToDate", before.Outcome);
        Assert.Equal(("Upgraded", "hotfix", "2.00.1493.2001"), (after.Outcome, after.Kind, after.VersionAfter));
        Assert.Equal("UpToDate", next.Outcome);
        Assert.Equal(["Installed", "UpToDate", "Upgraded", "UpToDate"], (await Admin.HistoryAsync(enrolled.ClientId)).Decisions.Select(d => d.Outcome));
    }

    [Fact]
    public async Task LastSeen_MovesWithRepeatedCycles_AndFiltersTheList()
    {
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        await App.Anonymous.LogonAsync("DC1", secret, "PC-QUIET", ["10.2.0.1"]);
        var busy = (await App.Anonymous.LogonAsync("DC1", secret, "PC-BUSY", ["10.2.0.2"])).Enrollment!;
        using var agent = App.Client(AgentApi.Basic(busy));
        await agent.CycleAsync("B01", ["10.2.0.2"], "2.00.1493.2000");
        var enrolled = (await Admin.HistoryAsync(busy.ClientId)).Client.LastSeen!.Value;
        _time.Advance(TimeSpan.FromMilliseconds(20));

        await agent.CycleAsync("B01", ["10.2.0.2"], "2.00.1493.2000");
        await WaitForRepeatsAsync(busy.ClientId, 1);
        var seen = (await Admin.HistoryAsync(busy.ClientId)).Client.LastSeen!.Value;
        var after = Uri.EscapeDataString(seen.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var recent = await Admin.GetFromJsonAsync(Routes.Clients + $"?seenAfter={after}", ProtocolJson.Default.ClientPage);
        var stale = await Admin.GetFromJsonAsync(Routes.Clients + $"?seenBefore={after}", ProtocolJson.Default.ClientPage);

        Assert.True(seen > enrolled, "a repeated cycle moves the last-seen time");
        Assert.Equal(["PC-BUSY"], recent!.Clients.Select(c => c.Name));
        Assert.Equal(["PC-QUIET"], stale!.Clients.Select(c => c.Name));
    }

    // Repeats are written with the heartbeats, in batches (one each Steward:HeartbeatFlush on the server's clock): the
    // clock is moved to the next batch, and the history read again once it is written.
    private async Task<Protocol.Admin.ClientHistory> WaitForRepeatsAsync(string id, long repeats)
    {
        var heartbeats = App.Services.GetRequiredService<HeartbeatQueue>();
        var flush = App.Services.GetRequiredService<ServerOptions>().HeartbeatFlush;
        for (var i = 0; i < 100; i++)
        {
            var written = heartbeats.NextFlush;
            var history = await Admin.HistoryAsync(id);
            if (history.Decisions[^1].Repeats >= repeats)
            {
                return history;
            }

            _time.Advance(flush);
            await written.WaitAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Fail($"the repeats never reached {repeats}");
        return null!;
    }
}

public sealed class ClientApiOnSqlite : ClientApiTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class ClientApiOnPostgres : ClientApiTests
{
    protected override Engine Engine => Engine.Postgres;
}
