using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;
using Steward.Server.Agents.Cycles;
using Steward.Server.Decisions;
using Steward.Server.Hosting;
using Steward.Server.Rollouts;
using Steward.Server.Security;
using Steward.Server.Security.Access;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Agents;

/// <summary>
/// The kept answers wrap the deciding service (decision 0016): a counter around the real decider shows which
/// cycles were decided and which were answered as kept. A change of any input of the key is decided afresh;
/// an entry expires after <see cref="KeptCycleAnswers.KeptFor"/> on the server's clock.
/// </summary>
public abstract class KeptAnswerKeyTests : ApiTest
{
    private const string Version = "2.00.1493.2000";
    private const string Newer = "2.00.1493.2001";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly CountingDecider _counter = new();
    private Enrollment _enrolled = null!;

    protected override Action<IServiceCollection>? Services => services =>
    {
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ICycleDecider>(p => new KeptCycleAnswers(
            _counter.Around(p.GetRequiredService<CycleDecider>()), p.GetRequiredService<DecisionRecorder>(), p.GetRequiredService<SigningKeys>(),
            p.GetRequiredService<LiveRollouts>(), p.GetRequiredService<ServerOptions>(), p.GetRequiredService<TimeProvider>()));
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync(Version);
        await Admin.PublishAsync(Newer);
        await Admin.AddSiteAsync("B01", Version, "10.2.0.0/16");
        await Admin.AddSiteAsync("B02", Version, "10.3.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01", "B02"]);
        _enrolled = (await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
    }

    [Fact]
    public async Task EachInputOfTheKey_Changed_IsDecidedAfresh_TheNonceAndTheVersionsSpelling_AreNot()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));
        Task Same() => CycleAsync(agent, "B01", new CycleRequest(["10.2.0.1"], Version, null, null));

        await SettleAsync(Same);
        Assert.Equal(0, await DecidedDuringAsync(Same));
        Assert.Equal(0, await DecidedDuringAsync(() => CycleAsync(agent, "B01", new CycleRequest(["10.2.0.1"], "2.0.1493.2000", null, null))));
        Assert.Equal(0, await DecidedDuringAsync(() => CycleAsync(agent, "B01", new CycleRequest(["10.2.0.1"], Version, null, null, Nonce: "AAAAAAAAAAAAAAAAAAAAAA"))));

        var fingerprint = (await Admin.KeysAsync()).Single().Fingerprint;
        var changes = new (string Input, Func<Task> Cycle)[]
        {
            ("via", () => CycleAsync(agent, "B02", new CycleRequest(["10.2.0.1"], Version, null, null))),
            ("addresses", () => CycleAsync(agent, "B01", new CycleRequest(["10.2.0.2"], Version, null, null))),
            ("installed", () => CycleAsync(agent, "B01", new CycleRequest(["10.2.0.1"], null, null, null))),
            ("pinnedKey", () => CycleAsync(agent, "B01", new CycleRequest(["10.2.0.1"], Version, null, null, PinnedKey: fingerprint))),
            ("origin", () => CycleAsync(agent, "B01", new CycleRequest(["10.2.0.1"], Version, null, null), host: "steward.example:8443")),
            ("client revision (travel mode)", async () => { await SetTravelAsync(true); await Same(); }),
            ("active key", async () => { await Admin.RotateAsync(); await Same(); }),
            ("site revision", async () => { await Admin.SetSiteVersionAsync("B01", Newer); await Same(); }),
        };
        foreach (var (input, cycle) in changes)
        {
            await SettleAsync(Same);
            Assert.True(await DecidedDuringAsync(cycle) == 1, $"a change of {input} was answered from the kept answer");
        }
    }

    [Fact]
    public async Task AKeptAnswer_Expires_AfterKeptFor_OnTheServersClock()
    {
        using var agent = App.Client(AgentApi.Basic(_enrolled));
        Task Same() => CycleAsync(agent, "B01", new CycleRequest(["10.2.0.1"], Version, null, null));
        await SettleAsync(Same);

        _time.Advance(KeptCycleAnswers.KeptFor - TimeSpan.FromMinutes(1));
        var beforeExpiry = await DecidedDuringAsync(Same);
        _time.Advance(TimeSpan.FromMinutes(1));
        var atExpiry = await DecidedDuringAsync(Same);
        var keptAgain = await DecidedDuringAsync(Same);

        Assert.Equal((0, 1, 0), (beforeExpiry, atExpiry, keptAgain));
    }

    // Two cycles of the same inputs: the second at the latest is a repeat, and its answer is kept.
    private static async Task SettleAsync(Func<Task> same)
    {
        await same();
        await same();
    }

    private async Task<int> DecidedDuringAsync(Func<Task> cycle)
    {
        var before = _counter.Count;
        await cycle();
        return _counter.Count - before;
    }

    private static async Task CycleAsync(HttpClient agent, string site, CycleRequest request, string? host = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Routes.Cycle(site)) { Content = JsonContent.Create(request, ProtocolJson.Default.CycleRequest) };
        if (host is not null)
        {
            message.Headers.Host = host;
        }

        await Expect.StatusAsync(HttpStatusCode.OK, await agent.SendAsync(message));
    }

    private async Task SetTravelAsync(bool enabled) =>
        await Expect.StatusAsync(HttpStatusCode.OK, await Admin.PutAsJsonAsync(Routes.ClientTravel(_enrolled.ClientId), new TravelRequest(enabled), ProtocolJson.Default.TravelRequest));

    /// <summary>Counts the cycles the real decider decides.</summary>
    internal sealed class CountingDecider
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ICycleDecider Around(ICycleDecider decider) => new Counted(decider, this);

        private sealed class Counted(ICycleDecider decider, CountingDecider counter) : ICycleDecider
        {
            public ValueTask<CycleResult> DecideAsync(AuthenticatedClient caller, CycleInput input, RolloutMoment? moment, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter._count);
                return decider.DecideAsync(caller, input, moment, cancellationToken);
            }
        }
    }
}

public sealed class KeptAnswerKeyOnSqlite : KeptAnswerKeyTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class KeptAnswerKeyOnPostgres : KeptAnswerKeyTests
{
    protected override Engine Engine => Engine.Postgres;
}
