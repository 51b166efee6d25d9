using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Rollouts;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// The rollout clock of a test on either engine: the process's clock on the fake <see cref="TimeProvider"/>, so that a
/// 3-day window passes at a call; it counts its reads, so that a test can see how often a request reads the rollouts.
/// </summary>
internal sealed class FakeRolloutClock(TimeProvider time) : IRolloutClock
{
    private readonly ProcessRolloutClock _clock = new(time);
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<long> NowAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return _clock.NowAsync(cancellationToken);
    }
}

/// <summary>
/// A server with site B01 at F = 2.00.1493.2000, a package of T = 2.00.1493.2100 published, and clients
/// PC-1 to PC-4 enrolled in B01 through logon point DC1; time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public abstract class RolloutTest : ApiTest
{
    public const string F = "2.00.1493.2000";
    public const string T = "2.00.1493.2100";

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    internal FakeRolloutClock Clock { get; }

    /// <summary>The enrolled clients' ids by computer name.</summary>
    protected Dictionary<string, string> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>An agent's HTTP client for each enrolled computer, by name (its credentials in every request).</summary>
    protected Dictionary<string, HttpClient> Agents { get; } = new(StringComparer.Ordinal);

    protected string Secret { get; private set; } = "";

    protected RolloutTest() => Clock = new FakeRolloutClock(Time);

    protected override Action<IServiceCollection>? Services => s =>
    {
        s.AddSingleton<TimeProvider>(Time);
        s.AddSingleton<IRolloutClock>(Clock);
    };

    internal IRolloutStore Store => App.Services.GetRequiredService<IRolloutStore>();

    internal RolloutSweeper Sweeper => App.Services.GetRequiredService<RolloutSweeper>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync(F);
        await Admin.PublishAsync(T);
        await Admin.AddSiteAsync("B01", F, "10.2.0.0/16");
        Secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        for (var i = 1; i <= 4; i++)
        {
            await EnrollAsync($"PC-{i}", $"10.2.0.{i}");
        }
    }

    protected async Task<string> EnrollAsync(string name, string address, string? installed = null)
    {
        var response = await App.Anonymous.LogonAsync("DC1", Secret, name, [address], installed: installed);
        var id = response.Enrollment!.ClientId;
        Clients[name] = id;
        Agents[name] = App.Client(AgentApi.Basic(response.Enrollment));
        return id;
    }

    protected Task<HttpResponseMessage> StartAsync(RolloutStartRequest request) =>
        Admin.PostAsJsonAsync(Routes.Rollouts, request, ProtocolJson.Default.RolloutStartRequest);

    protected async Task<RolloutView> StartedAsync(string? id = "sp", string[]? pilot = null, string? window = "3d", int? haltFailures = null, string? haltRate = null)
    {
        var response = await StartAsync(new RolloutStartRequest("B01", T, id, pilot, window, haltFailures, haltRate));
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!;
    }

    protected async Task<RolloutView> ShowAsync(string id)
    {
        var response = await Admin.GetAsync(Routes.Rollout(id));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!;
    }

    protected Task<HttpResponseMessage> VerbAsync(string id, string verb) => Admin.PostAsync(Routes.RolloutVerb(id, verb), null);

    protected Task<HttpResponseMessage> RollbackAsync(string id, string? reason) =>
        Admin.PostAsJsonAsync(Routes.RolloutVerb(id, "rollback"), new RollbackRequest(reason), ProtocolJson.Default.RollbackRequest);

    /// <summary>What the maintenance cycle does when it answers Upgraded: writes the client with an attempt of it to T.</summary>
    internal async Task<string> OpenAttemptAsync(string name, string to = T)
    {
        var store = App.Services.GetRequiredService<SqlStore>();
        var client = (await store.FindClientAsync(Clients[name], CancellationToken.None))!;
        var nowMs = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var opening = new AttemptOpening(client.Id, F, to, ["B01"], nowMs) { Id = SqlStore.NewAttemptId(nowMs) };
        var (result, _) = await store.SaveDecisionAsync(new DecisionWrite(null, client, IsNew: false, client.Revision, Attempt: opening), CancellationToken.None);
        Assert.True(result.Succeeded);
        return opening.Id;
    }

    internal Task<AttemptReported> ReportAsync(string attempt, string name, bool succeeded, string? message = null) =>
        Store.RecordAttemptReportAsync(
            new AttemptReport(attempt, Clients[name], succeeded, message, Time.GetUtcNow().ToUnixTimeSeconds(), Time.GetUtcNow().ToUnixTimeMilliseconds()),
            CancellationToken.None);
}
