using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Versions;
using static Steward.Policy.Tests.Rollouts.RolloutWorld;

namespace Steward.Policy.Tests.Rollouts;

/// <summary>docs/RULES.md section 4, "Which version a site serves to a client, now", and the rules it adds to R3.</summary>
public class ServedVersionTests
{
    private static readonly RolloutSeat Pilot = new(true, 0);

    [Fact]
    public void InPilot_OnlyPilotClientsAreServedT()
    {
        var w = new RolloutWorld();
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Pilot));
        var b = w.World.Set("B01");

        var pilot = w.Maintenance(Sp1, b, 10, Pilot);
        var other = w.Maintenance(Sp1, b, 10, new RolloutSeat(false, 0));

        Assert.Equal(Outcome.Upgraded, pilot.Outcome);
        Assert.Equal(Sp2, pilot.VersionAfter);
        Assert.Contains("to this client in rollout sp2", pilot.Reason.Render(w.Sites), StringComparison.Ordinal);
        Assert.Equal(Outcome.Scheduled, other.Outcome);
        Assert.Equal(Sp1, other.VersionAfter);
        Assert.Contains("waits for the pilot", other.Reason.Render(w.Sites), StringComparison.Ordinal);
    }

    [Fact]
    public void WhileSpreading_AClientsGateOpensAtItsSlot_AndTheReasonSaysWhen()
    {
        var w = new RolloutWorld();
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Spreading, window: 86_400, spreadStart: 1_000));
        var b = w.World.Set("B01");
        var seat = new RolloutSeat(false, 50_400);

        var early = w.Maintenance(Sp1, b, 51_399, seat);
        var onTime = w.Maintenance(Sp1, b, 51_400, seat);

        Assert.Equal(Outcome.Scheduled, early.Outcome);
        Assert.Equal("Maintenance cycle: the client's sites serve it nothing newer than the installed 2.00.1380.1000 yet (newest: 2.00.1380.1000 at site B01); it waits for its turn at t = 14h16m40s in rollout sp2 of B01, which will upgrade it to 2.00.1493.2000; nothing changed.", early.Reason.Render(w.Sites));
        Assert.Equal(Outcome.Upgraded, onTime.Outcome);
        Assert.Equal(UpgradeKind.Significant, onTime.Kind);
    }

    [Fact]
    public void WhileSpreading_PilotClientsAreServedT_WhateverTheirSlot()
    {
        var w = new RolloutWorld();
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Spreading, window: 86_400));
        Assert.Equal(Outcome.Upgraded, w.Maintenance(Sp1, w.World.Set("B01"), 0, new RolloutSeat(true, 80_000)).Outcome);
    }

    [Fact]
    public void WhenHalted_OnlyClientsAlreadyRunningTAreServedIt()
    {
        var w = new RolloutWorld();
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Halted) with { HaltedIn = RolloutState.Spreading, HaltReason = "6 of 80 upgrades failed (7.5 % ≥ 5 %)" });
        var b = w.World.Set("B01");

        var waiting = w.Maintenance(Sp1, b, 10, Pilot);
        var upgraded = w.Maintenance(Sp2, b, 10);

        Assert.Equal(Outcome.Scheduled, waiting.Outcome);
        Assert.Contains("rollout sp2 of B01 would upgrade it to 2.00.1493.2000, but it is halted: 6 of 80 upgrades failed (7.5 % ≥ 5 %)", waiting.Reason.Render(w.Sites), StringComparison.Ordinal);
        Assert.Equal(Outcome.UpToDate, upgraded.Outcome);
    }

    [Fact]
    public void AClientRunningT_IsServedT_AndStaysAssigned()
    {
        // Without the rollout B01 serves SP1, so a client at SP2 there would be ClientNewer; with it, UpToDate.
        var w = new RolloutWorld();
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Pilot));
        var decision = w.Maintenance(Sp2, w.World.Set("B01"), 0);
        Assert.Equal(Outcome.UpToDate, decision.Outcome);
        Assert.Equal(w.World.Set("B01"), decision.SitesAfter);
    }

    [Fact]
    public void Step3_UsesTheVersionsServedAfterTheUpgrade()
    {
        // A01 serves SP2 as its own version; B01's rollout to SP2 is in pilot and the client is not in it.
        // After the upgrade the client runs T, so B01 serves it T and stays; without the rollout B01 is dropped.
        var w = new RolloutWorld(a: "2.00.1493.2000");
        var both = w.World.Set("A01", "B01");
        var plain = Decide.Maintenance(w.Sites, new ClientFacts(Sp1, both, w.Inside));
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Pilot));

        var served = w.Maintenance(Sp1, both, 0);

        Assert.Equal(w.World.Set("A01"), plain.SitesAfter);
        Assert.Equal(Outcome.Upgraded, served.Outcome);
        Assert.Equal(both, served.SitesAfter);
    }

    [Fact]
    public void R1_AComputerWithoutAnAgent_IsServedT_ExactlyWhileSpreading()
    {
        var w = new RolloutWorld();
        var point = w.World.Point("DC1", "B01");
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Pilot));
        var inPilot = w.Logon(null, default, point, 0, Pilot);
        w.Rollouts[0] = w.Rollouts[0] with { State = RolloutState.Spreading, Window = 86_400 };
        var spreading = w.Logon(null, default, point, 0, new RolloutSeat(false, 86_000));

        Assert.Equal((Outcome.Installed, Sp1), (inPilot.Outcome, inPilot.VersionAfter!.Value));
        Assert.Equal((Outcome.Installed, Sp2), (spreading.Outcome, spreading.VersionAfter!.Value));
        Assert.Equal(w.World.Set("B01"), spreading.SitesAfter);
    }

    [Fact]
    public void R1_AssignmentsUseTheVersionsServedToTheComputerWithoutAnAgent()
    {
        // A01 spreads SP2, B01 stays at SP1: the package is SP2 and only A01 can take the new client.
        var w = new RolloutWorld();
        w.Rollouts.Add(Rollout("A01", Sp2, RolloutState.Spreading, window: 100));
        var decision = w.Logon(null, default, w.World.Point("DC1", "A01", "B01"), 0);
        Assert.Equal(Sp2, decision.VersionAfter);
        Assert.Equal(w.World.Set("A01"), decision.SitesAfter);
        Assert.Equal(w.World.Set("B01"), decision.Reason.Refused);
    }

    [Fact]
    public void R1_AReasonNamesTheLinesTheSitesServe_NotTheirOwnVersions()
    {
        // A01 carries SP3; B01 spreads SP2 (its own version SP1): B01 is refused at line SP2, as it serves it.
        var w = new RolloutWorld(a: "2.00.1493.3000");
        w.Rollouts.Add(Rollout("B01", Sp2, RolloutState.Spreading, window: 100));
        var decision = w.Logon(null, default, w.World.Point("DC1", "A01", "B01"), 0);
        Assert.Equal(w.World.Set("B01"), decision.Reason.Refused);
        Assert.Contains("Not assigned to B01 (line 2.00.1493.2xxx)", decision.Reason.Render(w.Sites), StringComparison.Ordinal);
    }

    [Fact]
    public void R2_ALogonPoint_CarriesTheVersionItsSeniorSiteServesToThisClient()
    {
        // B01's rollout is a hotfix for a pilot client at SP2: the logon point applies it to that client only.
        var w = new RolloutWorld(b: "2.00.1493.2000");
        w.Rollouts.Add(Rollout("B01", Sp2Hotfix, RolloutState.Pilot) with { From = Sp2 });
        var point = w.World.Point("DC1", "B01");
        var b = w.World.Set("B01");

        Assert.Equal(Outcome.HotfixApplied, w.Logon(Sp2, b, point, 0, Pilot).Outcome);
        Assert.Equal(Outcome.UpToDate, w.Logon(Sp2, b, point, 0, new RolloutSeat(false, 0)).Outcome);
    }

    [Fact]
    public void ADowngradeOrder_TakesClientsOnItsVersionDown_AtTheMaintenanceCycleOnly()
    {
        var w = new RolloutWorld();
        w.Orders.Add(new DowngradeOrder(Make.Code("B01"), Sp2, "sp2"));
        var b = w.World.Set("B01");

        var cycle = w.Maintenance(Sp2, b, 0);
        var logon = w.Logon(Sp2, b, w.World.Point("DC1", "B01"), 0);
        var otherVersion = w.Maintenance(Sp2Hotfix, b, 0);

        Assert.Equal(Outcome.Downgraded, cycle.Outcome);
        Assert.Equal(Sp1, cycle.VersionAfter);
        Assert.Equal(b, cycle.SitesAfter);
        Assert.Equal(
            "Maintenance cycle: rollout sp2 of B01 was rolled back, and its downgrade order takes clients down from 2.00.1493.2000; no site of the client serves 2.00.1493.2000 or newer, so the access point downgraded the client from 2.00.1493.2000 to 2.00.1380.1000, the newest version its sites serve (site B01).",
            cycle.Reason.Render(w.Sites));
        Assert.Equal(Outcome.ClientNewer, logon.Outcome);
        Assert.Equal(Outcome.ClientNewer, otherVersion.Outcome);
    }

    [Fact]
    public void ADowngradeOrder_DoesNothing_WhenAnotherAssignedSiteServesTOrNewer()
    {
        var w = new RolloutWorld(a: "2.00.1493.2000");
        w.Orders.Add(new DowngradeOrder(Make.Code("B01"), Sp2, "sp2"));
        Assert.Equal(Outcome.UpToDate, w.Maintenance(Sp2, w.World.Set("A01", "B01"), 0).Outcome);
    }

    [Fact]
    public void AFailedUpgrade_KeepsTheVersionAndTheSitesAsAfterStep1_WithItsKind()
    {
        var w = new RolloutWorld(a: "2.00.1493.2000");
        var both = w.World.Set("A01", "B01");
        var upgrade = Decide.Maintenance(w.Sites, new ClientFacts(Sp1, both, w.Inside));

        var failed = Decide.Failed(upgrade);

        Assert.Equal(w.World.Set("A01"), upgrade.SitesAfter);
        Assert.Equal(Outcome.UpgradeFailed, failed.Outcome);
        Assert.Equal(Sp1, failed.VersionAfter);
        Assert.Equal(both, failed.SitesAfter);
        Assert.Equal(UpgradeKind.Significant, failed.Kind);
        Assert.Equal(
            "Maintenance cycle: site A01 serves 2.00.1493.2000, a significant upgrade (line 2.00.1380.1xxx to 2.00.1493.2xxx) of the installed 2.00.1380.1000, but the upgrade failed: the client keeps 2.00.1380.1000 and the sites it had.",
            failed.Reason.Render(w.Sites));
        Assert.Throws<ArgumentException>(() => Decide.Failed(failed));
    }

    [Fact]
    public void APendingUpgradeOrDowngrade_KeepsTheVersionAndTheSitesAsAfterStep1_WithItsOutcomeAndReason()
    {
        var w = new RolloutWorld(a: "2.00.1493.2000");
        var both = w.World.Set("A01", "B01");
        var upgrade = Decide.Maintenance(w.Sites, new ClientFacts(Sp1, both, w.Inside));
        w.Orders.Add(new DowngradeOrder(Make.Code("B01"), Sp2, "sp2"));
        var downgrade = w.Maintenance(Sp2, w.World.Set("B01"), 0);

        var (pendingUp, pendingDown) = (Decide.Pending(upgrade), Decide.Pending(downgrade));

        Assert.Equal((Outcome.Upgraded, (AgentVersion?)Sp1, both, upgrade.Reason), (pendingUp.Outcome, pendingUp.VersionAfter, pendingUp.SitesAfter, pendingUp.Reason));
        Assert.Equal((Outcome.Downgraded, (AgentVersion?)Sp2, w.World.Set("B01")), (pendingDown.Outcome, pendingDown.VersionAfter, pendingDown.SitesAfter));
        Assert.Throws<ArgumentException>(() => Decide.Pending(Decide.Failed(upgrade)));
    }

    [Fact]
    public void AttemptsCount_OnTheActiveRolloutsOfRemainingSitesWhoseTIsTheTarget()
    {
        var w = new RolloutWorld();
        w.Rollouts.Add(Rollout("A01", Sp2, RolloutState.Spreading, id: "a"));
        w.Rollouts.Add(Rollout("B01", Sp2Hotfix, RolloutState.Spreading, id: "b"));
        var plan = w.Plan;
        Assert.Equal(w.World.Set("A01"), plan.CountedOn(w.World.Set("A01", "B01"), Sp2));
        Assert.Equal(w.World.Set("B01"), plan.CountedOn(w.World.Set("B01"), Sp2Hotfix));
        Assert.True(plan.CountedOn(w.World.Set("B01"), Sp2).IsEmpty);
    }

    [Fact]
    public void ServedVersions_WithoutAnyRollout_AreTheSitesVersions()
    {
        var w = new RolloutWorld(a: "2.00.1493.2000");
        var both = w.World.Set("A01", "B01");
        var plain = Decide.Maintenance(w.Sites, new ClientFacts(Sp1, both, w.Inside));
        var empty = w.Maintenance(Sp1, both, 0);
        Assert.Equal((plain.Outcome, plain.VersionAfter, plain.SitesAfter, plain.Kind), (empty.Outcome, empty.VersionAfter, empty.SitesAfter, empty.Kind));
        Assert.Equal(plain.Reason.Render(w.Sites), empty.Reason.Render(w.Sites));
    }
}
