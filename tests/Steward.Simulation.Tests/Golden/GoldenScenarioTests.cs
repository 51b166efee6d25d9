using System.Text.Json.Nodes;
using Steward.Simulation.Loading;
using Steward.Simulation.Output;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Golden;

/// <summary>
/// Every scenario of the Golden folder, run as <c>steward simulate FILE --output json</c> runs it,
/// gives exactly the document in its <c>NAME.expected.json</c> (compared as JSON, not as text).
/// </summary>
/// <remarks>See Golden/README.md for how to add a scenario and how to bless its expected file.</remarks>
public sealed class GoldenScenarioTests
{
    public static TheoryData<string> Scenarios() => [.. GoldenFiles.ScenarioNames()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_GivesItsExpectedDocument(string scenario)
    {
        var actual = Simulate(Path.Combine(GoldenFiles.OutputFolder, scenario));
        var expectedName = GoldenFiles.ExpectedName(scenario);
        if (GoldenFiles.Blessing)
        {
            // The source copy, so that git shows the change; every blessed file still needs a human check.
            File.WriteAllText(Path.Combine(GoldenFiles.SourceFolder(), expectedName), actual + "\n");
            return;
        }

        var expectedPath = Path.Combine(GoldenFiles.OutputFolder, expectedName);
        Assert.True(File.Exists(expectedPath), $"{scenario} has no {expectedName}; see Golden/README.md.");
        var difference = JsonDifference.First(JsonNode.Parse(File.ReadAllText(expectedPath)), JsonNode.Parse(actual));
        Assert.True(difference is null, $"{scenario} differs from {expectedName} at {difference}");
    }

    [Fact]
    public void Folder_HoldsScenarios()
    {
        // An empty theory passes silently: a broken copy to the output directory must fail somewhere.
        Assert.True(GoldenFiles.ScenarioNames().Count >= 8, $"only {GoldenFiles.ScenarioNames().Count} scenarios in {GoldenFiles.OutputFolder}");
    }

    [Fact]
    public void EveryScenario_HasAnExpectedFile()
    {
        var missing = GoldenFiles.ScenarioNames()
            .Where(s => !File.Exists(Path.Combine(GoldenFiles.OutputFolder, GoldenFiles.ExpectedName(s))))
            .ToList();
        Assert.True(missing.Count == 0, $"no expected file for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryExpectedFile_HasAScenario()
    {
        // An expected file left behind by a renamed scenario would check nothing.
        var scenarios = GoldenFiles.ScenarioNames().Select(GoldenFiles.ExpectedName).ToHashSet(StringComparer.Ordinal);
        var orphans = GoldenFiles.ExpectedNames().Where(e => !scenarios.Contains(e)).ToList();
        Assert.True(orphans.Count == 0, $"no scenario for: {string.Join(", ", orphans)}");
    }

    private static string Simulate(string path)
    {
        var load = ScenarioLoader.LoadFile(path);
        Assert.True(load.Success, string.Join(Environment.NewLine, load.Problems));
        var run = SimulationRunner.Run(load.Scenario);
        using var stream = new MemoryStream();
        JsonReport.Write(stream, run, GoldenFiles.ListsAllClients(path));
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
