using System.Text.Json.Nodes;

namespace Steward.Cli.Tests;

public sealed class SimulateTests
{
    [Fact]
    public void Json_IsExactlyTheDocumentOfTheStory()
    {
        var run = InProcess.Run("simulate", Repository.Example("q262677.yaml"), "--output", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Error);
        var document = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal(["results", "clients"], document.Select(p => p.Key));
        var outcomes = document["results"]!.AsArray().Select(r => (string)r!["outcome"]!).ToArray();
        Assert.Equal(
            ["Installed", "DeferredToMaintenance", "Upgraded", "Applied", "HotfixApplied", "Applied", "Installed", "UpToDate", "Upgraded"],
            outcomes);
        var newClient = document["clients"]!.AsArray().Single(c => (string)c!["name"]! == "PC-NEW")!;
        Assert.Equal("2.00.1493.2001", (string)newClient["installed"]!);
        Assert.Equal(["B01"], newClient["sites"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public void Table_ShowsOutcomesReasonsAndTheFinalVersionsPerSite()
    {
        var run = InProcess.Run("simulate", Repository.Example("q262677.yaml"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("DeferredToMaintenance", run.Out, StringComparison.Ordinal);
        Assert.Contains("2.00.1380.1000 → 2.00.1493.2000", run.Out, StringComparison.Ordinal);
        // Reasons wrap inside their column; the first words of a row stay on its first line.
        Assert.Contains("│ Logon at logon point DC1: installed", run.Out, StringComparison.Ordinal);
        Assert.Contains("Final versions per site", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ B01\s+│ 2\.00\.1493\.2001 │ 2\.00\.1493\.2001: 3\s+│\s+3 │", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_CountsBulkStepsAndSaysGeneratedClientsAreNotListed()
    {
        var run = InProcess.Run("simulate", Repository.Example("rollout-100k.yaml"));
        var json = InProcess.Run("simulate", Repository.Example("rollout-100k.yaml"), "--output", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("all 100,", run.Out, StringComparison.Ordinal);
        Assert.Contains("generated clients are not listed; --all-clients lists them.", run.Out, StringComparison.Ordinal);

        // Every count the document reports for a bulk step is printed beside its outcome word.
        var bulk = JsonNode.Parse(json.Out)!["results"]!.AsArray().Where(r => r!["outcomes"] is not null).ToList();
        Assert.NotEmpty(bulk);
        foreach (var (outcome, count) in bulk.SelectMany(r => r!["outcomes"]!.AsObject()))
        {
            Assert.Contains($"{outcome} {(long)count!:N0}", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InvalidFile_ExitsWithTwo_ReportsEveryProblemWithItsPosition_PrintsNothing()
    {
        var path = Repository.Data("broken.yaml");

        var run = InProcess.Run("simulate", path, "--output", "json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains($"{path}:5:14:", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:6:18:", run.Error, StringComparison.Ordinal);
        Assert.Contains("NOBODY", run.Error, StringComparison.Ordinal);
        Assert.Contains("3 problems; nothing was run.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ExitsWithTwo()
    {
        var run = InProcess.Run("simulate", Repository.Data("no-such-file.yaml"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOutputFormat_ExitsWithTwo()
    {
        var run = InProcess.Run("simulate", Repository.Example("q262677.yaml"), "--output", "xml");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
    }
}
