using Steward.Policy.Placement;
using static Steward.Policy.Tests.Make;

namespace Steward.Policy.Tests.Placement;

public class PackagePlacementTests
{
    [Fact]
    public void NothingInstalled_ThePackageBecomesCurrent()
    {
        var decision = PackagePlacement.Decide(V("2.00.1493.2000"), null);

        Assert.Equal(PlacementAction.MakeCurrent, decision.Action);
        Assert.Contains("no agent is installed", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OlderInstalled_ThePackageBecomesCurrent_TheOlderKept()
    {
        var decision = PackagePlacement.Decide(V("2.00.1493.2001"), V("2.00.1493.2000"));

        Assert.Equal(PlacementAction.MakeCurrent, decision.Action);
        Assert.Contains("2.00.1493.2000, which is kept", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SameInstalled_NothingChanges()
    {
        Assert.Equal(PlacementAction.AlreadyCurrent, PackagePlacement.Decide(V("2.00.1493.2000"), V("2.00.1493.2000")).Action);
    }

    [Theory]
    [InlineData("2.00.1493.2000", "2.00.1493.2001")]
    [InlineData("2.00.1380.1000", "2.00.1493.2000")]
    public void NewerInstalled_IsNeverTakenDown(string package, string installed)
    {
        var decision = PackagePlacement.Decide(V(package), V(installed));

        Assert.Equal(PlacementAction.KeepNewer, decision.Action);
        Assert.Contains("only the server may take an agent down", decision.Reason, StringComparison.Ordinal);
    }
}
