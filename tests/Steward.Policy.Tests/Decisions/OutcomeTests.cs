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
        ];

        Assert.Equal(spec.Order(StringComparer.Ordinal), Enum.GetNames<Outcome>().Order(StringComparer.Ordinal));
    }
}
