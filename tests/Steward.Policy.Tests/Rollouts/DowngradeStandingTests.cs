using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Rollouts;

/// <summary>A rollback's progress: each client under a downgrade order in exactly one state, its last downgrade first.</summary>
public class DowngradeStandingTests
{
    private static readonly AgentVersion F = AgentVersion.Parse("2.00.1493.2000");
    private static readonly AgentVersion T = AgentVersion.Parse("2.00.1493.2100");
    private static readonly DowngradeOrder Order = new(SiteCode.ParseExact("B01"), T, "sp");

    [Fact]
    public void TheLastDowngradeDecides_ElseWhetherTheClientRunsT()
    {
        Assert.Equal(DowngradeStanding.Downgraded, DowngradeStandings.Of(Order, F, LastAttempt.Succeeded));
        Assert.Equal(DowngradeStanding.AttemptOpen, DowngradeStandings.Of(Order, T, LastAttempt.Open));
        Assert.Equal(DowngradeStanding.Failed, DowngradeStandings.Of(Order, T, LastAttempt.Failed));
        Assert.Equal(DowngradeStanding.StillOnT, DowngradeStandings.Of(Order, T, LastAttempt.None));
        Assert.Equal(DowngradeStanding.Untouched, DowngradeStandings.Of(Order, F, LastAttempt.None));
        Assert.Equal(DowngradeStanding.Untouched, DowngradeStandings.Of(Order, null, LastAttempt.None));
        Assert.Equal(DowngradeStanding.Untouched, DowngradeStandings.Of(Order, AgentVersion.Parse("2.00.1493.2200"), LastAttempt.None));
    }
}
