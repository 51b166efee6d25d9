using Steward.Policy.Decisions;

namespace Steward.Policy.Tests.Decisions;

public class OutcomeTests
{
    [Fact]
    public void OutcomeWords_AreExactlyThoseOfSpecSection4()
    {
        string[] spec =
        [
            "Installed", "NotInBoundaries", "NoCompatibleSite", "UpToDate", "ClientNewer", "HotfixApplied",
            "DeferredToMaintenance", "Upgraded", "Unassigned", "NotInstalled", "NotAssigned",

            // With rollouts (section 6).
            "Scheduled", "Downgraded", "UpgradeFailed",
        ];

        Assert.Equal(spec.Order(StringComparer.Ordinal), Enum.GetNames<Outcome>().Order(StringComparer.Ordinal));
    }
}
