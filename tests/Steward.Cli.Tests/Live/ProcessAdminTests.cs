using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Live;

/// <summary>The real <c>steward</c> process against the real server: the process's own environment variables and directory are read.</summary>
public sealed class ProcessAdminTests : LiveTest
{
    [Fact]
    public async Task EnvironmentVariables_NameTheServerAndToken_JsonAloneOnStandardOutput()
    {
        await Hierarchy.Q262677Async(Server);
        var environment = new Dictionary<string, string?> { ["STEWARD_URL"] = Server.Url, ["STEWARD_TOKEN"] = Server.Token };

        var (code, output, error) = await StewardProcess.RunAsync(environment, Server.Work.Path, "site", "list", "--json");

        Assert.Equal((0, ""), (code, error));
        Assert.Equal(["A01", "B01"], JsonNode.Parse(output)!.AsArray().Select(s => (string)s!["code"]!));
    }

    [Fact]
    public async Task TokenFileInTheWorkingDirectory_NoTokenVariable_Works_WithoutOne_ExitFive()
    {
        var withFile = Server.Work;
        withFile.Write("steward-data/admin-token", Server.Token);
        using var withoutFile = new TempDirectory();
        var environment = new Dictionary<string, string?> { ["STEWARD_URL"] = Server.Url, ["STEWARD_TOKEN"] = null };

        var found = await StewardProcess.RunAsync(environment, withFile.Path, "status");
        var missing = await StewardProcess.RunAsync(environment, withoutFile.Path, "status");

        Assert.Equal((0, ""), (found.Code, found.Error));
        Assert.Equal((5, ""), (missing.Code, missing.Output));
        Assert.Contains($"{withoutFile.Path}/steward-data/admin-token does not exist", missing.Error, StringComparison.Ordinal);
    }
}
