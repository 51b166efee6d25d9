using Steward.Policy.Decisions;
using Steward.Policy.Versions;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary><c>siteVersion</c>, <c>move</c> and <c>travel</c> answer <c>Applied</c> and change what later decisions see.</summary>
public sealed class AdministrativeStepTests
{
    private const string Sp2 = "2.00.1493.2000";

    private static ScenarioBuilder Office() => new ScenarioBuilder()
        .Site("A01", Sp2, "10.1.0.0/16")
        .Site("B01", Sp2, "10.2.0.0/16")
        .LogonPoint("DC1", ["A01", "B01"])
        .Client("LAPTOP", ["10.1.0.5"], Sp2, ["A01"]);

    [Fact]
    public void Move_OutOfItsSite_MaintenanceUnassignsIt()
    {
        var run = SimulationRunner.Run(Office().Move("LAPTOP", "10.9.0.1", "192.168.1.7").Maintenance("LAPTOP").Build());

        var move = Assert.IsType<AppliedStepResult>(run.Results[0]);
        Assert.Equal("LAPTOP", move.Client);
        Assert.Equal("LAPTOP now has the addresses 10.9.0.1, 192.168.1.7.", move.Reason);
        Assert.Equal(["10.9.0.1", "192.168.1.7"], run.Fleet.AddressesOf(0).ToArray().Select(a => a.ToString()));
        var cycle = Assert.IsType<ClientStepResult>(run.Results[1]);
        Assert.Equal(Outcome.Unassigned, cycle.Outcome);
        Assert.Empty(cycle.SitesAfter);
        Assert.Equal(AgentVersion.Parse(Sp2), run.Fleet.InstalledOf(0));
    }

    [Fact]
    public void Move_IntoAnotherSite_LogonAssignsItThere()
    {
        var run = SimulationRunner.Run(Office().Move("laptop", "10.2.0.5").Logon("LAPTOP", "DC1").Maintenance("LAPTOP").Build());

        Assert.Equal("LAPTOP", Assert.IsType<AppliedStepResult>(run.Results[0]).Client);
        var logon = Assert.IsType<ClientStepResult>(run.Results[1]);
        Assert.Equal(Outcome.UpToDate, logon.Outcome);
        Assert.Equal(["A01", "B01"], logon.SitesAfter.Select(c => c.ToString()));
        var cycle = Assert.IsType<ClientStepResult>(run.Results[2]);
        Assert.Equal(["B01"], cycle.SitesAfter.Select(c => c.ToString()));
    }

    [Fact]
    public void Travel_KeepsSitesOutsideItsBoundariesUntilTurnedOff()
    {
        var run = SimulationRunner.Run(Office()
            .Travel("LAPTOP", true)
            .Move("LAPTOP", "10.9.0.1")
            .Maintenance("LAPTOP")
            .Travel("LAPTOP", false)
            .Maintenance("LAPTOP")
            .Build());

        Assert.Contains("is now travelling", Assert.IsType<AppliedStepResult>(run.Results[0]).Reason, StringComparison.Ordinal);
        var travelling = Assert.IsType<ClientStepResult>(run.Results[2]);
        Assert.Equal(Outcome.UpToDate, travelling.Outcome);
        Assert.Equal(["A01"], travelling.SitesAfter.Select(c => c.ToString()));
        Assert.Contains("no longer travels", Assert.IsType<AppliedStepResult>(run.Results[3]).Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Unassigned, Assert.IsType<ClientStepResult>(run.Results[4]).Outcome);
        Assert.False(run.Fleet.IsTravelling(0));
    }

    [Fact]
    public void SiteVersion_Older_NothingIsDowngraded()
    {
        var run = SimulationRunner.Run(Office().SiteVersion("A01", "2.00.1380.1000").Maintenance("LAPTOP").Logon("LAPTOP", "DC1").Build());

        var applied = Assert.IsType<AppliedStepResult>(run.Results[0]);
        Assert.Null(applied.Client);
        Assert.StartsWith("Site A01 now serves 2.00.1380.1000; it served 2.00.1493.2000.", applied.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.ClientNewer, Assert.IsType<ClientStepResult>(run.Results[1]).Outcome);
        Assert.Equal(AgentVersion.Parse(Sp2), run.Fleet.InstalledOf(0));
        Assert.Equal(AgentVersion.Parse("2.00.1380.1000"), run.Sites[0].Version);
    }

    [Fact]
    public void SiteVersion_Hotfix_LogonPointCarriesItAndAppliesIt()
    {
        var run = SimulationRunner.Run(Office().SiteVersion("B01", "2.00.1493.2001").Logon("LAPTOP", "DC1").Build());

        Assert.Contains("Logon point DC1 now carries 2.00.1493.2001 (senior site B01)", Assert.IsType<AppliedStepResult>(run.Results[0]).Reason, StringComparison.Ordinal);
        var logon = Assert.IsType<ClientStepResult>(run.Results[1]);
        Assert.Equal(Outcome.HotfixApplied, logon.Outcome);
        Assert.Equal(UpgradeKind.Hotfix, logon.Kind);
        Assert.Equal(AgentVersion.Parse("2.00.1493.2001"), logon.VersionAfter);
    }

    [Fact]
    public void Step_NamingAnUndeclaredClient_IsABrokenContract()
    {
        var session = SimulationSession.Start(Office().Maintenance("NOBODY").Build());

        var error = Assert.Throws<ArgumentException>(session.RunNext);
        Assert.Contains("NOBODY", error.Message, StringComparison.Ordinal);
    }
}
