using Steward.Policy.Versions;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary>The final versions per site, and of the clients with no site.</summary>
public sealed class FleetSummaryTests
{
    [Fact]
    public void Summary_CountsEachSitesClientsPerVersion_AndThoseWithoutSite()
    {
        var run = SimulationRunner.Run(new ScenarioBuilder()
            .Site("B01", "2.00.1493.2000", "10.2.0.0/16")
            .Site("A01", "2.00.1380.1000", "10.1.0.0/16")
            .Site("C01", "2.00.1380.1000", "10.3.0.0/16")
            .Client("BOTH", ["10.1.0.1"], "2.00.1380.1000", ["A01", "B01"])
            .Client("NOAGENT", ["10.9.0.1"])
            .Client("NOSITE", ["10.9.0.2"], "2.00.1493.2000")
            .Generate(3, "WA", "10.1.0.0/24", "2.00.1380.1000", ["A01"])
            .Generate(2, "WB", "10.2.0.0/24", "2.00.1493.2000", ["B01"])
            .Generate(4, "WN", "10.9.1.0/24")
            .Build());

        var summary = run.Summary;

        Assert.Equal(["A01", "B01", "C01"], summary.Sites.Select(s => s.Code.ToString()));
        Assert.Equal([(V("2.00.1380.1000"), 4L)], summary.Sites[0].Clients.Select(c => (c.Version, c.Count)));
        Assert.Equal([(V("2.00.1380.1000"), 1L), (V("2.00.1493.2000"), 2L)], summary.Sites[1].Clients.Select(c => (c.Version, c.Count)));
        Assert.Empty(summary.Sites[2].Clients);
        Assert.Equal(3, summary.Sites[1].Total);
        Assert.Equal(V("2.00.1493.2000"), summary.Sites[1].SiteVersion);
        Assert.Equal([((AgentVersion?)null, 5L), (V("2.00.1493.2000"), 1L)], summary.WithoutSite.Select(c => (c.Version, c.Count)));
        Assert.Same(summary, run.Summary);
    }

    private static AgentVersion? V(string text) => AgentVersion.Parse(text);
}
