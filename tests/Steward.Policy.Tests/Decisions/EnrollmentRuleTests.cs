using Steward.Policy.Decisions;

namespace Steward.Policy.Tests.Decisions;

/// <summary>Which logon decisions enroll the computer (the rule the logon point applied in its own code before decision 0016).</summary>
public class EnrollmentRuleTests
{
    [Theory]
    [InlineData(Outcome.Installed, false, true)]
    [InlineData(Outcome.Installed, true, true)]
    [InlineData(Outcome.UpToDate, true, true)]
    [InlineData(Outcome.HotfixApplied, true, true)]
    [InlineData(Outcome.DeferredToMaintenance, true, true)]
    [InlineData(Outcome.ClientNewer, true, true)]
    [InlineData(Outcome.NoCompatibleSite, true, true)]
    [InlineData(Outcome.NotInBoundaries, true, false)]
    [InlineData(Outcome.NotInBoundaries, false, false)]
    [InlineData(Outcome.NoCompatibleSite, false, false)]
    public void NewComputer_EnrolledWhenItGetsAnAgent_OrRunsOneTheLogonPointManages(Outcome outcome, bool runsAgent, bool enrolled)
    {
        var verdict = EnrollmentRule.For(enrolled: false, runsAgent, outcome);

        Assert.Equal(enrolled, verdict.Enroll);
        Assert.Equal(!enrolled, verdict.Reason.EndsWith("not enrolled", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Outcome.Installed)]
    [InlineData(Outcome.UpToDate)]
    [InlineData(Outcome.NotInBoundaries)]
    public void EnrolledComputer_IsNeverEnrolledAgain(Outcome outcome)
    {
        var verdict = EnrollmentRule.For(enrolled: true, runsAgent: true, outcome);

        Assert.False(verdict.Enroll);
        Assert.Equal("already enrolled: it keeps its client id and secret", verdict.Reason);
    }
}
