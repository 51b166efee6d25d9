using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary>A session runs the steps one at a time, for callers that show progress.</summary>
public sealed class SimulationSessionTests
{
    [Fact]
    public void RunNext_RunsEachStepOnceInOrder()
    {
        var scenario = new ScenarioBuilder()
            .Site("A01", "2.00.1493.2000", "10.1.0.0/16")
            .LogonPoint("DC1", ["A01"])
            .Client("PC1", ["10.1.0.1"])
            .Logon("PC1", "DC1")
            .SiteVersion("A01", "2.00.1493.2001")
            .Build();
        var session = SimulationSession.Start(scenario);

        Assert.Same(scenario.Steps[0], session.NextStep);
        Assert.Equal("logon", session.RunNext().Action);
        Assert.Same(scenario.Steps[1], session.NextStep);
        Assert.False(session.IsFinished);
        Assert.Equal("siteVersion", session.RunNext().Action);
        Assert.True(session.IsFinished);
        Assert.Null(session.NextStep);
        Assert.Equal(2, session.Results.Count);
        Assert.Throws<InvalidOperationException>(session.RunNext);

        var run = session.RunToEnd();
        Assert.Equal(session.Results, run.Results);
        Assert.Same(session.Sites, run.Sites);
        Assert.Equal("2.00.1493.2001", run.Sites[0].Version.ToString());
    }

    [Fact]
    public void Start_RefusesNonsenseOptions()
    {
        var scenario = new ScenarioBuilder().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => SimulationSession.Start(scenario, new SimulationOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulationSession.Start(scenario, new SimulationOptions { ClientsPerChunk = 0 }));
    }

    [Fact]
    public void Run_EmptyScenario_HasNoResultsAndNoClients()
    {
        var run = SimulationRunner.Run(new ScenarioBuilder().Build());

        Assert.Empty(run.Results);
        Assert.Equal(0, run.Fleet.Count);
        Assert.Empty(run.Summary.Sites);
        Assert.Empty(run.Summary.WithoutSite);
    }
}
