using Steward.Policy.Decisions;
using static Steward.Policy.Tests.Properties.ReferencePolicy;

namespace Steward.Policy.Tests.Properties;

/// <summary>
/// docs/RULES.md R4 over thousands of random hierarchies and step sequences: logons and manual installs at random
/// logon points, maintenance cycles, site version changes, moves and travel.
/// </summary>
public class HierarchyProperties
{
    private const long Iterations = 4_000;

    private static void ForEveryDecision(Action<StepRecord> assert) =>
        HierarchyGen.Scenario.Sample(
            scenario =>
            {
                foreach (var record in HierarchyRun.Run(scenario))
                {
                    try
                    {
                        assert(record);
                    }
                    catch (Exception ex) when (ex is not StepFailed)
                    {
                        throw new StepFailed(record.Describe(), ex);
                    }
                }
            },
            iter: Iterations,
            print: scenario => scenario.ToString());

    [Fact]
    public void I1_NoStep_AddsASiteIncompatibleWithTheClientsVersionAfterIt()
    {
        ForEveryDecision(r =>
        {
            var added = r.Decision.SitesAfter - r.SitesBefore;
            if (added.IsEmpty)
            {
                return;
            }

            Assert.NotNull(r.After);
            foreach (var i in added)
            {
                Assert.True(Line(r.Table[i].Version).CompareTo(Line(r.After.Value)) >= 0, $"added {r.Table[i].Code} at {r.Table[i].Version} to a client at {r.After}");
            }
        });
    }

    [Fact]
    public void I2_LogonAndManualInstall_NeverApplyASignificantUpgrade()
    {
        ForEveryDecision(r =>
        {
            if (r.Kind == StepKind.Maintenance)
            {
                return;
            }

            Assert.NotEqual(UpgradeKind.Significant, r.Decision.Kind);
            if (r.Before is not { } before)
            {
                // Installing fresh: nothing, or exactly the logon point's package.
                Assert.True(r.After is null || r.After == r.Package, $"installed {r.After} but the logon point carries {r.Package}");
                return;
            }

            Assert.NotNull(r.After);
            var after = r.After.Value;
            var unchanged = Fields(after) == Fields(before);
            var hotfix = Line(after) == Line(before) && Fields(after).CompareTo(Fields(before)) > 0;
            Assert.True(unchanged || hotfix, $"{before} became {after} at a logon point");
        });
    }

    [Fact]
    public void I3_NoStep_Downgrades()
    {
        ForEveryDecision(r =>
        {
            if (r.Before is { } before)
            {
                Assert.NotNull(r.After); // nor uninstalls
                Assert.True(Fields(r.After.Value).CompareTo(Fields(before)) >= 0, $"{before} became {r.After}");
            }
        });
    }

    [Fact]
    public void MaintenanceCycle_NeverAddsASite_AndLeavesOnlySitesThatCanManageTheNewVersion()
    {
        ForEveryDecision(r =>
        {
            if (r.Kind != StepKind.Maintenance)
            {
                return;
            }

            Assert.True((r.Decision.SitesAfter - r.SitesBefore).IsEmpty);
            if (r.Decision.Outcome == Outcome.Upgraded)
            {
                foreach (var i in r.Decision.SitesAfter)
                {
                    Assert.True(Compatible(new RefSite("", r.Table[i].Version, [], true), r.After!.Value));
                }
            }
        });
    }

    [Fact]
    public void I5_EveryDecision_IsExplainedInWords_NamingTheVersionsAndEverySiteItAddsOrDrops()
    {
        ForEveryDecision(r =>
        {
            var reason = r.Decision.Reason.Render(r.Table);

            Assert.EndsWith(".", reason, StringComparison.Ordinal);
            Assert.NotEqual(r.Decision.Outcome.ToString(), reason);
            Assert.Equal(r.Decision.Outcome, r.Decision.Reason.Outcome);
            if (r.Decision.DeliversPackage)
            {
                Assert.Contains(r.After!.Value.ToString(), reason, StringComparison.Ordinal);
            }

            if (r.Before is { } before && r.Decision.Outcome != Outcome.NotInBoundaries)
            {
                Assert.Contains(before.ToString(), reason, StringComparison.Ordinal);
            }

            var changed = (r.Decision.SitesAfter - r.SitesBefore) | (r.SitesBefore - r.Decision.SitesAfter);
            foreach (var i in changed)
            {
                Assert.Contains(r.Table[i].Code.ToString(), reason, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void EveryDecision_AgreesWithALiteralReadingOfSpecSection3_AndEveryOutcomeIsReached()
    {
        var outcomes = new long[Enum.GetValues<Outcome>().Length];
        long significant = 0, hotfix = 0, refused = 0, droppedIncompatible = 0, kept = 0;

        ForEveryDecision(r =>
        {
            var d = r.Decision;
            Assert.Equal(r.Expected.Outcome, d.Outcome);
            Assert.Equal(r.Expected.Version, d.VersionAfter);
            Assert.Equal(r.Expected.Sites, r.Table.Codes(d.SitesAfter));
            Assert.Equal(r.Expected.Kind, d.Kind);
            Assert.Equal(d.Outcome is Outcome.Installed or Outcome.HotfixApplied or Outcome.Upgraded, d.DeliversPackage);

            Interlocked.Increment(ref outcomes[(int)d.Outcome]);
            if (d.Kind == UpgradeKind.Significant)
            {
                Interlocked.Increment(ref significant);
            }

            if (d.Kind == UpgradeKind.Hotfix && d.Outcome == Outcome.Upgraded)
            {
                Interlocked.Increment(ref hotfix);
            }

            if (!d.Reason.Refused.IsEmpty)
            {
                Interlocked.Increment(ref refused);
            }

            if (!d.Reason.DroppedIncompatible.IsEmpty)
            {
                Interlocked.Increment(ref droppedIncompatible);
            }

            if (!d.Reason.Kept.IsEmpty)
            {
                Interlocked.Increment(ref kept);
            }
        });

        // The generator must reach every outcome word and the cases the invariants are about; otherwise the
        // properties above would hold for want of trying.
        // Section 6's outcomes need rollouts or failing clients, which these hierarchies do not have;
        // RolloutProperties reaches them.
        foreach (var outcome in Enum.GetValues<Outcome>().Except([Outcome.Scheduled, Outcome.Downgraded, Outcome.UpgradeFailed]))
        {
            Assert.True(outcomes[(int)outcome] > 0, $"no scenario reached {outcome}");
        }

        Assert.True(significant > 0 && hotfix > 0 && refused > 0 && droppedIncompatible > 0 && kept > 0, $"significant {significant}, hotfix {hotfix}, refused {refused}, dropped {droppedIncompatible}, kept {kept}");
    }

    private sealed class StepFailed(string step, Exception inner) : Exception($"{step}{Environment.NewLine}{inner.Message}", inner);
}
