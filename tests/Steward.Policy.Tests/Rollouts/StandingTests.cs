using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Rollouts;

/// <summary>A server's view of a rollout: where each client stands in it, the halt rule's standing in words, the state words both ways.</summary>
public class StandingTests
{
    private static readonly AgentVersion F = AgentVersion.Parse("2.00.1493.2000");
    private static readonly AgentVersion T = AgentVersion.Parse("2.00.1493.2100");

    private static Rollout Rollout(RolloutState state, long spreadStart = 1000, long window = 1000) => new()
    {
        Id = "sp", Site = SiteCode.ParseExact("B01"), From = F, To = T, PilotCount = 1, Window = window, State = state, SpreadStart = spreadStart,
    };

    [Fact]
    public void AClientIsInExactlyOneState_TheFirstThatHolds()
    {
        var spreading = Rollout(RolloutState.Spreading);
        var later = new RolloutSeat(false, 500);

        Assert.Equal(ClientStanding.AtTarget, ClientStandings.Of(spreading, later, T, LastAttempt.Failed, 0));
        Assert.Equal(ClientStanding.AtTarget, ClientStandings.Of(spreading, later, AgentVersion.Parse("2.00.1493.2200"), LastAttempt.None, 0));
        Assert.Equal(ClientStanding.AttemptOpen, ClientStandings.Of(spreading, later, F, LastAttempt.Open, 0));
        Assert.Equal(ClientStanding.Failed, ClientStandings.Of(spreading, later, F, LastAttempt.Failed, 0));
        Assert.Equal(ClientStanding.Scheduled, ClientStandings.Of(spreading, later, F, LastAttempt.None, 1499));
        Assert.Equal(ClientStanding.NotYetSeen, ClientStandings.Of(spreading, later, F, LastAttempt.None, 1500));
        Assert.Equal(ClientStanding.NotYetSeen, ClientStandings.Of(spreading, later, null, LastAttempt.Succeeded, 1500));
    }

    [Fact]
    public void InPilotOnlyPilotGatesAreOpen_HaltedNoGateIs()
    {
        Assert.Equal(ClientStanding.NotYetSeen, ClientStandings.Of(Rollout(RolloutState.Pilot), new RolloutSeat(true, 0), F, LastAttempt.None, 0));
        Assert.Equal(ClientStanding.Scheduled, ClientStandings.Of(Rollout(RolloutState.Pilot), new RolloutSeat(false, 0), F, LastAttempt.None, 5000));
        Assert.Equal(ClientStanding.Scheduled, ClientStandings.Of(Rollout(RolloutState.Halted), new RolloutSeat(true, 0), F, LastAttempt.None, 5000));
    }

    [Fact]
    public void HaltRuleStanding_SaysTheCountsAndTheRule_OrThatItIsReached()
    {
        var rollout = Rollout(RolloutState.Spreading) with { HaltFailures = 5, Successes = 38, Failures = 2 };
        Assert.Equal("2 of 40 upgrades failed (5 %); it halts at 5 failures when they are at least 5 % of the upgrades, and at any pilot client's failure", HaltRule.Standing(rollout));
        Assert.False(HaltRule.IsReached(rollout));

        // 7 of 100 at 0.07 is exactly the threshold: reached (a floating-point test would say not yet).
        var reached = rollout with { HaltFailures = 5, HaltRate = Rate.ParseExact("0.07"), Successes = 93, Failures = 7 };
        Assert.True(HaltRule.IsReached(reached));
        Assert.Equal("7 of 100 upgrades failed (7 %): the halt rule is reached", HaltRule.Standing(reached));
        Assert.StartsWith("no upgrade has been reported yet; it halts at 5 failures", HaltRule.Standing(Rollout(RolloutState.Pilot)), StringComparison.Ordinal);
    }

    [Fact]
    public void StateWords_ParseBackExactly()
    {
        foreach (var state in Enum.GetValues<RolloutState>())
        {
            Assert.True(RolloutStates.TryParse(RolloutStates.Word(state), out var parsed));
            Assert.Equal(state, parsed);
        }

        Assert.False(RolloutStates.TryParse("Halted", out _));
        Assert.False(RolloutStates.TryParse(null, out _));
    }
}
