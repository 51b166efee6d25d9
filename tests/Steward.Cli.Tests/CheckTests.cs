using System.Text.Json.Nodes;

namespace Steward.Cli.Tests;

public sealed class CheckTests
{
    [Fact]
    public void SharedLogonPointAcrossLines_WarnsWithTheFix_ExitsWithOne()
    {
        var run = InProcess.Run("check", Repository.Example("q262677.yaml"), "--output", "json");

        Assert.Equal(ExitCodes.Warnings, run.ExitCode);
        var warnings = JsonNode.Parse(run.Out)!["warnings"]!.AsArray();
        var mixed = Assert.Single(warnings, w => (string)w!["code"]! == "mixed-lines")!;
        Assert.Contains("NoCompatibleSite", (string)mixed["message"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string)mixed["fix"]!));
        Assert.Equal(17, (int)mixed["line"]!);
    }

    [Fact]
    public void MixedHierarchy_ReportsEachKindOfDanger()
    {
        var run = InProcess.Run("check", Repository.Example("mixed-hierarchy.yaml"), "--output", "json");

        Assert.Equal(ExitCodes.Warnings, run.ExitCode);
        var codes = JsonNode.Parse(run.Out)!["warnings"]!.AsArray().Select(w => (string)w!["code"]!).ToHashSet();
        Assert.Contains("mixed-lines", codes);
        Assert.Contains("senior-not-newest", codes);
    }

    [Fact]
    public void ARolloutStep_IsCheckedToo_EachWarningAtTheStep()
    {
        var run = InProcess.Run("check", Repository.Data("rollout-check.yaml"), "--output", "json");

        Assert.Equal(ExitCodes.Warnings, run.ExitCode);
        var warnings = JsonNode.Parse(run.Out)!["warnings"]!.AsArray();
        var rollout = warnings.Where(w => (int)w!["line"]! == 13).Select(w => (string)w!["code"]!).ToList();
        Assert.Equal(["pilot-outside-site", "pilot-already-newer", "window-shorter-than-cycle", "halt-never-triggers", "rollout-mixed-lines"], rollout);
        Assert.All(warnings, w => Assert.False(string.IsNullOrWhiteSpace((string)w!["fix"]!)));
    }

    [Fact]
    public void CleanHierarchy_ExitsWithZero()
    {
        var run = InProcess.Run("check", Repository.Data("clean.yaml"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("no warnings", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidFile_ExitsWithTwo_PrintsNothing()
    {
        var run = InProcess.Run("check", Repository.Data("broken.yaml"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.NotEqual("", run.Error);
    }
}
