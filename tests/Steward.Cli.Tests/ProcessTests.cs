using System.Text.Json.Nodes;

namespace Steward.Cli.Tests;

/// <summary>The real <c>steward</c> program in its own process: exit codes and what reaches each stream.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Json_StreamedToStandardOutput_ParsesAsOneDocument()
    {
        var (code, output, error) = await RunAsync("simulate", Repository.Example("q262677.yaml"), "--output", "json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(9, JsonNode.Parse(output)!["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task InvalidFile_ExitCodeTwo_NothingOnStandardOutput()
    {
        var (code, output, error) = await RunAsync("simulate", Repository.Data("broken.yaml"), "--output", "json");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("broken.yaml:5:14:", error, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) =>
        StewardProcess.RunAsync(new Dictionary<string, string?>(), null, args);
}
