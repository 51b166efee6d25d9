using Steward.Agent.Layout;
using Steward.Agent.State;
using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol.Agent;

namespace Steward.Agent.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private StateStore Store => new(new AgentLayout(_temp.Path));

    [Fact]
    public void Save_ThenLoad_GivesTheSameState()
    {
        var state = AgentState.Empty with
        {
            ClientId = "c-1",
            ClientSecret = "s-1",
            ServerKey = "KEY",
            Sites = ["B01"],
            AccessPoints = new Dictionary<string, string> { ["B01"] = "http://127.0.0.1:5180/v1/access/B01" },
            Installed = "2.00.1493.2000",
            PendingReport = new UpgradeReport("2.00.1493.2001", false, "why", "2.00.1493.2000"),
        };

        Store.Save(state);
        var load = Store.Load();

        Assert.True(load.Ok, load.Problem);
        Assert.Equal("c-1", load.State.ClientId);
        Assert.Equal(["B01"], load.State.Sites);
        Assert.Equal("http://127.0.0.1:5180/v1/access/B01", load.State.AccessPoints["B01"]);
        Assert.Equal(state.PendingReport, load.State.PendingReport);
    }

    [Fact]
    public void Save_WritesTheFileAndItsLastGoodCopyOwnerOnly_AndLeavesNoTemporaryFile()
    {
        Store.Save(AgentState.Empty with { ClientSecret = "secret" });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_temp.Path, "state.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_temp.Path, "state.last-good.json")));
        Assert.Equal(["state.json", "state.last-good.json"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.Path, "state.json")), File.ReadAllBytes(Path.Combine(_temp.Path, "state.last-good.json")));
    }

    [Fact]
    public void Save_OverAnExistingFile_ReplacesIt()
    {
        Store.Save(AgentState.Empty with { ClientId = "first" });
        Store.Save(AgentState.Empty with { ClientId = "second" });

        Assert.Equal("second", Store.Load().State.ClientId);
    }

    [Fact]
    public void Load_NoFile_IsMissingAndSaysSo()
    {
        var load = Store.Load();

        Assert.False(load.Ok);
        Assert.True(load.Missing);
        Assert.Contains("has not enrolled", load.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("{\"format\": 7}")]
    [InlineData("null")]
    [InlineData("")]
    public void Load_DamagedFile_IsCorruptNotMissingAndSaysNothingIsUninstalled(string content)
    {
        File.WriteAllText(Path.Combine(_temp.Path, "state.json"), content);

        var load = Store.Load();

        Assert.False(load.Ok);
        Assert.False(load.Missing);
        Assert.Contains("damaged", load.Problem, StringComparison.Ordinal);
        Assert.Contains("nothing is uninstalled", load.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WithResult_KeepsTheLastTwenty()
    {
        var state = AgentState.Empty;
        for (var i = 0; i < 25; i++)
        {
            state = state.WithResult(new AgentResult(DateTimeOffset.UnixEpoch, "cycle", "UpToDate", $"r{i}", null));
        }

        Assert.Equal(AgentState.HistoryLength, state.History.Count);
        Assert.Equal("r5", state.History[0].Reason);
        Assert.Equal("r24", state.History[^1].Reason);
    }

    public void Dispose() => _temp.Dispose();
}
