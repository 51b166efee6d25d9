using Steward.Policy.Rollouts;
using Steward.Simulation.Model;

namespace Steward.Simulation.Tests.Loading;

/// <summary>
/// docs/RULES.md section 6 (rollouts in a scenario): the new steps and fields load as written, and every bad value is
/// refused at its line and column before anything runs.
/// </summary>
public sealed class RolloutLoadingTests
{
    // Lines 1-7; steps start on line 8.
    private const string Head = """
        sites:
          - {code: B01, version: 2.00.1380.1000, boundaries: [10.2.0.0/16]}
        clients:
          - {name: PC-1, addresses: [10.2.0.1]}
        generate:
          - {count: 2, prefix: WS, addresses: 10.3.0.0/24}
        steps:

        """;

    [Fact]
    public void EveryStepAndField_Loads()
    {
        var scenario = LoadAssert.Valid("""
            cycle: 1d12h
            sites:
              - {code: B01, version: 2.00.1380.1000, boundaries: [10.2.0.0/16]}
            clients:
              - {name: PC-1, addresses: [10.2.0.1], failsUpgrade: true}
            generate:
              - {count: 2, prefix: WS, addresses: 10.3.0.0/24, failRate: 0.02, offlineRate: 0.1}
            steps:
              - rollout: B01
                version: 2.00.1493.2000
                id: sp2
                pilot: [PC-1, pc-1, WS000002]
                window: 3d
                haltFailures: 0
                haltRate: 0.125
              - rollout: b01
                version: 2.00.1493.3000
              - advance: 12h
              - promote: sp2
              - halt: sp2
              - resume: sp2
              - abort: R2
              - rollback: sp2
              - run: 14d
              - advance: 0
            """);

        Assert.Equal(36 * 3_600, scenario.Cycle);
        Assert.True(scenario.Clients[0].FailsUpgrade);
        Assert.Equal(Rate.ParseExact("0.02"), scenario.Generate[0].FailRate);
        Assert.Equal(Rate.ParseExact("0.1"), scenario.Generate[0].OfflineRate);
        var rollout = Assert.IsType<RolloutStep>(scenario.Steps[0]);
        Assert.Equal(("sp2", 3 * 86_400L, 0), (rollout.Id, rollout.Window, rollout.HaltFailures));
        Assert.Equal(["PC-1", "WS000002"], rollout.Pilot);
        Assert.Equal(Rate.ParseExact("0.125"), rollout.HaltRate);
        var defaults = Assert.IsType<RolloutStep>(scenario.Steps[1]);
        Assert.Equal(("R2", 0L, 5, Rate.ParseExact("0.05")), (defaults.Id, defaults.Window, defaults.HaltFailures, defaults.HaltRate));
        Assert.Equal(43_200, Assert.IsType<AdvanceStep>(scenario.Steps[2]).Seconds);
        Assert.Equal(["promote", "halt", "resume", "abort", "rollback"], scenario.Steps.Skip(3).Take(5).Select(s => s.Action));
        Assert.Equal("R2", Assert.IsType<RolloutVerbStep>(scenario.Steps[6]).Id);
        Assert.Equal(14 * 86_400, Assert.IsType<RunStep>(scenario.Steps[8]).Seconds);
    }

    [Fact]
    public void TheCycle_DefaultsTo23Hours() => Assert.Equal(23 * 3_600, LoadAssert.Valid(Head).Cycle);

    [Theory]
    [InlineData("  - advance: 1h30", 8, 14, "has no unit")]
    [InlineData("  - advance: 12h1d", 8, 14, "order d, h, m, s")]
    [InlineData("  - advance: 1h1h", 8, 14, "order d, h, m, s")]
    [InlineData("  - advance: 36526d", 8, 14, "100 years")]
    [InlineData("  - run: 5e3s", 8, 10, "not a unit")]
    [InlineData("  - run: -1d", 8, 10, "expected digits")]
    [InlineData("  - run:", 8, 9, "is empty; expected a duration")]
    [InlineData("  - promote: sp2", 8, 14, "no rollout step comes before it")]
    [InlineData("  - rollback:", 8, 14, "names nothing")]
    public void BadDurationsAndVerbs_AreRefusedWhereTheyAreWritten(string step, int line, int column, string words)
    {
        LoadAssert.SingleProblem(Head + step, line, column, words);
    }

    [Theory]
    [InlineData("    window: 3x", 10, 13, "'window' of step 1")]
    [InlineData("    haltRate: 5e-2", 10, 15, "plain decimal number")]
    [InlineData("    haltRate: '0.05'", 10, 15, "in quotes")]
    [InlineData("    haltRate: 1.5", 10, 15, "above 1")]
    [InlineData("    haltFailures: -1", 10, 19, "whole number from 0")]
    [InlineData("    haltFailures: 2.5", 10, 19, "whole number from 0")]
    [InlineData("    pilot: [PC-9]", 10, 13, "PC-9")]
    [InlineData("    pilot: PC-1", 10, 12, "a list")]
    [InlineData("    at: DC1", 10, 5, "takes 'version', 'id', 'pilot', 'window', 'haltFailures', 'haltRate'")]
    [InlineData("    id: ''", 10, 9, "empty")]
    public void BadRolloutFields_AreRefusedWhereTheyAreWritten(string field, int line, int column, string words)
    {
        LoadAssert.SingleProblem(Head + "  - rollout: B01\n    version: 2.00.1493.2000\n" + field, line, column, words);
    }

    [Fact]
    public void ARolloutOfAnUnknownSite_OrWithoutAVersion_IsRefused()
    {
        LoadAssert.SingleProblem(Head + "  - rollout: Z99\n    version: 2.00.1493.2000", 8, 14, "Z99");
        LoadAssert.SingleProblem(Head + "  - rollout: B01", 8, 5, "needs 'version'");
    }

    [Fact]
    public void ADuplicateId_IsRefusedAtTheSecond_DefaultIdsIncluded()
    {
        LoadAssert.SingleProblem(Head + "  - {rollout: B01, version: 2.00.1493.2000, id: sp2}\n  - {rollout: B01, version: 2.00.1493.3000, id: sp2}", 9, 49, "already used (at line 8, column 49)");
        LoadAssert.SingleProblem(Head + "  - {rollout: B01, version: 2.00.1493.2000, id: R2}\n  - {rollout: B01, version: 2.00.1493.3000}", 9, 5, "give this rollout an id");
    }

    [Fact]
    public void AVerbNamingALaterRollout_IsRefused_AndIdsAreComparedExactly()
    {
        LoadAssert.SingleProblem(Head + "  - promote: sp2\n  - {rollout: B01, version: 2.00.1493.2000, id: sp2}", 8, 14, "no rollout step comes before it");
        LoadAssert.SingleProblem(Head + "  - {rollout: B01, version: 2.00.1493.2000, id: sp2}\n  - halt: SP2", 9, 11, "compared exactly");
    }

    [Theory]
    [InlineData("clients:\n  - {name: PC-2, addresses: [10.2.0.2], failsUpgrade: yes}", 2, 55, "true or false")]
    [InlineData("generate:\n  - {count: 2, prefix: X, addresses: 10.4.0.0/24, failRate: 0.02x}", 2, 61, "not a rate")]
    [InlineData("generate:\n  - {count: 2, prefix: X, addresses: 10.4.0.0/24, offlineRate: 2}", 2, 64, "above 1")]
    public void BadClientAndGenerateFields_AreRefused(string section, int line, int column, string words) =>
        LoadAssert.SingleProblem("sites:\n  - {code: B01, version: 2.00.1380.1000, boundaries: [10.2.0.0/16]}\n".Replace("sites", section + "\nsites", StringComparison.Ordinal), line, column, words);

    [Theory]
    [InlineData("cycle: 0", "above 0")]
    [InlineData("cycle: 23", "has no unit")]
    [InlineData("cycle: [23h]", "must be a duration")]
    public void ABadCycle_IsRefused(string cycle, string words) =>
        LoadAssert.SingleProblem(cycle + "\n" + Head, 1, 8, words);
}
