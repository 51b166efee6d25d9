using CsCheck;
using Steward.Simulation.Loading;
using Steward.Simulation.Output;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary>The same scenario file gives the same JSON, byte for byte, however many cores run it (docs/RULES.md section 4).</summary>
public sealed class RolloutDeterminismTests
{
    [Fact]
    public void RandomRolloutScenarios_GiveTheSameBytes_OnOneCoreAndOnMany() =>
        Gen.Select(Gen.Int[1, 300], Gen.Int[0, 3], Gen.Int[0, 30], Gen.Int[0, 5], Gen.OneOf("0", "6h", "2d"), Gen.OneOf("1d", "3d", "30h"))
            .Sample(
                t =>
                {
                    var (count, pilots, failPercent, haltFailures, window, run) = t;
                    var text = Scenario(count, pilots, failPercent, haltFailures, window, run);
                    var first = Json(text, new SimulationOptions { MaxDegreeOfParallelism = 1 });
                    var second = Json(text, new SimulationOptions());
                    Assert.Equal(first, second);
                },
                iter: 60,
                print: t => Scenario(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6));

    private static string Scenario(int count, int pilots, int failPercent, int haltFailures, string window, string run) => $$"""
        cycle: 7h
        sites:
          - {code: S01, version: 2.00.1380.1000, boundaries: [10.0.0.0/16]}
          - {code: S02, version: 2.00.1493.2000, boundaries: [10.0.0.0/24]}
        logonPoints:
          - {name: DC1, sites: [S01, S02]}
        clients:
          - {name: PC-1, addresses: [10.0.200.1], installed: 2.00.1380.1000, sites: [S01]}
          - {name: PC-2, addresses: [10.0.200.2], installed: 2.00.1380.1000, sites: [S01], failsUpgrade: {{(failPercent > 20 ? "true" : "false")}}}
          - {name: PC-3, addresses: [10.0.200.3], installed: 2.00.1380.1000, sites: [S01]}
          - {name: PC-NEW, addresses: [10.0.0.9]}
        generate:
          - {count: {{count}}, prefix: WS, addresses: 10.0.0.0/16, installed: 2.00.1380.1000, sites: [S01], failRate: 0.{{failPercent:00}}, offlineRate: 0.1}
        steps:
          - rollout: S01
            version: 2.00.1493.2000
            id: sp2
            pilot: [{{string.Join(", ", new[] { "PC-1", "PC-2", "PC-3" }.Take(pilots))}}]
            window: {{window}}
            haltFailures: {{haltFailures}}
          - run: {{run}}
          - logonAll: DC1
          - resume: sp2
          - run: 1d
          - rollback: sp2
          - maintenanceAll: true
          - run: 1d
        """;

    private static byte[] Json(string text, SimulationOptions options)
    {
        var load = ScenarioLoader.Load(text);
        Assert.True(load.Success, string.Join("\n", load.Problems));
        using var stream = new MemoryStream();
        JsonReport.Write(stream, SimulationRunner.Run(load.Scenario, options), allClients: true);
        return stream.ToArray();
    }
}
