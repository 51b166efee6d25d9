using Steward.Agent.Cli;
using Steward.Agent.Doctor;
using Steward.Agent.Flows;
using Steward.Agent.Net;
using Steward.Agent.State;
using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol.Agent;

namespace Steward.Agent.Tests.Flows;

/// <summary>The daily self-check's result travels once with the next maintenance cycle (a field of the request), then is gone from the state.</summary>
public sealed class HealthReportTests
{
    [Fact]
    public async Task PendingHealth_IsSentWithTheNextCycle_ThenCleared()
    {
        await using var world = await UpdaterWorld.StartAsync();
        var store = new StateStore(world.Layout);
        var report = new HealthReport(false, ["files", "pointer"]);
        store.Save(AgentState.Empty with
        {
            ClientId = UpdaterWorld.ClientId, ClientSecret = "s", ServerKey = world.Signer.PublicKey, Sites = ["DC1"], AccessPoints = world.Server.AccessPoints("DC1"),
            PendingHealth = report,
        });
        world.Server.Cycle = (_, _) => new CycleResponse("UpToDate", null, "kept", null, ["DC1"], null, world.Server.AccessPoints("DC1"));
        var context = new AgentContext(world.Layout, world.Console, new NetworkOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1)), TimeProvider.System);

        var (first, _, _) = await CycleFlow.RunAsync(context, json: true, CancellationToken.None);
        var (second, _, _) = await CycleFlow.RunAsync(context, json: true, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, first);
        Assert.Equal(ExitCodes.Ok, second);
        var sent = world.Server.Cycles.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.Equal(report.Healthy, sent[0].Health?.Healthy);
        Assert.Equal(report.Failed, sent[0].Health?.Failed);
        Assert.Null(sent[1].Health);
        Assert.Null(store.Load().State.PendingHealth);
    }

    [Fact]
    public void ReportOf_NamesEachFailedCheckByItsFirstWord_Once()
    {
        var report = DailyCheck.ReportOf([new Finding("files 2.00.1", false, "x"), new Finding("files 2.00.2", false, "y"), new Finding("state", true, "ok"), new Finding("key", false, "z")]);

        Assert.False(report.Healthy);
        Assert.Equal(["files", "key"], report.Failed);
        Assert.True(DailyCheck.ReportOf([new Finding("state", true, "ok")]).Healthy);
    }
}
