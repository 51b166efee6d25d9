using System.Net;
using System.Net.Http.Json;
using Steward.Packaging.Signatures;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// A rollback in the live maintenance cycle (decision 0023): a client on the rolled-back T is answered <c>Downgraded</c> at
/// its next cycle, with an attempt like an upgrade's and an offer signed as a whole for the order, this request's nonce
/// and exactly its pair of versions; its row keeps T until it reports success; nothing changes at logon; the rollback's
/// progress counts clients still on T, with an attempt open, downgraded and failed; the site's next rollout ends the order.
/// </summary>
public abstract class RollbackCycleTests : RolloutTest
{
    [Fact]
    public async Task HaltedPilot_RolledBack_ThePilotOnTGoesDownAtItsNextCycle_NotAtLogon()
    {
        // PC-9's enrollment is kept, for its logon below.
        var enrolled = (await App.Anonymous.LogonAsync("DC1", Secret, "PC-9", ["10.2.0.9"])).Enrollment!;
        (Clients["PC-9"], Agents["PC-9"]) = (enrolled.ClientId, App.Client(AgentApi.Basic(enrolled)));
        await StartedAsync(pilot: ["PC-9", "PC-2"]);
        var up = await CycleAsync("PC-9", F);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ReportAsync("PC-9", up.Package!.Attempt!, T, succeeded: true));
        var failing = await CycleAsync("PC-2", F);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ReportAsync("PC-2", failing.Package!.Attempt!, T, succeeded: false));
        Assert.Equal("halted", (await ShowAsync("sp")).State);

        var rolledBack = (await (await RollbackAsync("sp", "pilot failed")).Content.ReadFromJsonAsync(ProtocolJson.Default.RolloutView))!;
        Assert.Equal(new RollbackProgress(1, 0, 0, 0), rolledBack.Order!.Progress);

        // The pilot that failed runs F: nothing to do. The one on T goes down, under an offer signed for the order.
        Assert.Equal("UpToDate", (await CycleAsync("PC-2", F)).Outcome);
        var nonce = Nonce.New();
        var key = Assert.Single(await Admin.KeysAsync());
        var down = await Agents["PC-9"].SignedCycleAsync("B01", ["10.2.0.9"], T, nonce, key.Fingerprint);
        Assert.Equal(("Downgraded", F), (down.Outcome, down.VersionAfter));
        var package = down.Package!;
        Assert.True(package.Downgrade);
        Assert.False(string.IsNullOrEmpty(package.Attempt));
        var signed = OfferSignature.Verify(key.PublicKey, package.Offer, package.OfferSignature);
        Assert.Equal(
            (SignedOffer.DowngradeFormat, Clients["PC-9"], nonce, (string?)T, F, true, new SignedOrder(rolledBack.Order.Id, "B01", T, F)),
            (signed.Format, signed.ClientId, signed.Nonce, signed.Installed, signed.Version, signed.Downgrade, signed.Order));
        Assert.Equal(T, (await Admin.HistoryAsync(Clients["PC-9"])).Client.Installed);
        Assert.Equal(new RollbackProgress(0, 1, 0, 0), (await ShowAsync("sp")).Order!.Progress);

        // A logon point never downgrades.
        var logon = await App.Anonymous.LogonAsync("DC1", Secret, "PC-9", ["10.2.0.9"], enrolled, installed: T);
        Assert.Equal(("ClientNewer", (PackageOffer?)null), (logon.Outcome, logon.Package));
        Assert.Equal(T, (await Admin.HistoryAsync(Clients["PC-9"])).Client.Installed);

        await Expect.StatusAsync(HttpStatusCode.NoContent, await ReportAsync("PC-9", package.Attempt!, F, succeeded: true));
        Assert.Equal(F, (await Admin.HistoryAsync(Clients["PC-9"])).Client.Installed);
        Assert.Equal(new RollbackProgress(0, 0, 1, 0), (await ShowAsync("sp")).Order!.Progress);
        Assert.Equal("UpToDate", (await CycleAsync("PC-9", F)).Outcome);

        // The halt rule's counts are the rollout's upgrades only.
        var shown = await ShowAsync("sp");
        Assert.Equal((1L, 1L), (shown.Successes, shown.Failures));
    }

    [Fact]
    public async Task AFailedDowngrade_IsCountedAsFailed_AndOfferedAgain_UntilTheNextRolloutEndsTheOrder()
    {
        await EnrollAsync("PC-5", "10.2.0.5", installed: T);
        await StartedAsync(window: "0");
        await Sweeper.SweepAsync(CancellationToken.None);
        await Expect.StatusAsync(HttpStatusCode.OK, await RollbackAsync("sp", "pilot failed"));

        var down = await CycleAsync("PC-5", T);
        Assert.Equal("Downgraded", down.Outcome);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await ReportAsync("PC-5", down.Package!.Attempt!, F, succeeded: false));
        Assert.Equal(new RollbackProgress(0, 0, 0, 1), (await ShowAsync("sp")).Order!.Progress);
        Assert.Equal(T, (await Admin.HistoryAsync(Clients["PC-5"])).Client.Installed);
        var again = await CycleAsync("PC-5", T);
        Assert.Equal("Downgraded", again.Outcome);
        Assert.NotEqual(down.Package.Attempt, again.Package!.Attempt);

        // A new rollout of the site ends the order: the client on T is no longer taken down.
        await Admin.PublishAsync("2.00.1493.2200");
        var response = await StartAsync(new RolloutStartRequest("B01", "2.00.1493.2200", "sp2", ["PC-1"], "1d", null, null));
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var after = await CycleAsync("PC-5", T);
        Assert.Equal(("Scheduled", (PackageOffer?)null), (after.Outcome, after.Package));
        Assert.Equal("rollout sp2 started", (await ShowAsync("sp")).Order!.EndReason);
    }

    private Task<CycleResponse> CycleAsync(string name, string installed) =>
        Agents[name].SignedCycleAsync("B01", [$"10.2.0.{name[^1]}"], installed, Nonce.New(), pinnedKey: null);

    // The version running after it: the one tried when it succeeded, else the other of F and T.
    private Task<HttpResponseMessage> ReportAsync(string name, string attempt, string version, bool succeeded) =>
        Agents[name].PostAsJsonAsync(
            Routes.Report("B01"), new UpgradeReport(version, succeeded, succeeded ? "" : "health check failed", succeeded || version == T ? version : T, attempt) with
            {
                Running = succeeded ? version : (version == T ? F : T),
            },
            ProtocolJson.Default.UpgradeReport);
}

public sealed class RollbackCycleOnSqlite : RollbackCycleTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class RollbackCycleOnPostgres : RollbackCycleTests
{
    protected override Engine Engine => Engine.Postgres;
}
