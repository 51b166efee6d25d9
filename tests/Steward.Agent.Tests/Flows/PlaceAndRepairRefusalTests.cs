using System.Security.Cryptography;
using Steward.Agent.Cli;
using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Flows;

/// <summary>
/// <c>place</c> and <c>doctor --repair</c> from a package's copy whose program fails its health check (it reports
/// another version): refused in words with the agent's own exit code, never an unhandled exception (whose exit code
/// the Debian package's postinst would not know).
/// </summary>
public sealed class PlaceAndRepairRefusalTests : IDisposable
{
    private readonly TempDirectory _temp = new("steward-place-refusal");

    [Fact]
    public async Task Place_FromACopyThatFailsItsHealthCheck_IsRefusedInWords()
    {
        var (code, output) = await RunAsync("place", "--from", BrokenCopy(), "--state-dir", _temp.Combine("state"));

        Assert.True(code == ExitCodes.Failed, output);
        Assert.Contains("reports version 2.00.1500.2000", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("state", "versions", "2.00.1493.2000")));
    }

    [Fact]
    public async Task DoctorRepair_FromACopyThatFailsItsHealthCheck_SaysNotRepaired()
    {
        var (code, output) = await RunAsync("doctor", "--repair", "--from", BrokenCopy(), "--state-dir", _temp.Combine("state"));

        Assert.True(code == ExitCodes.Failed, output);
        Assert.True(output.Contains("repaired  not repaired: ", StringComparison.Ordinal), output);
    }

    // A copy of version 2.00.1493.2000 whose program answers 'version --json' with 2.00.1500.2000.
    private string BrokenCopy()
    {
        var directory = FakeAgentBuild.Create(_temp.Path, "2.00.1493.2000", reports: "2.00.1500.2000");
        var files = string.Join(",", new[] { "README.txt", "steward-agent" }.Select(name =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(directory, name));
            return $$"""{"path":"{{name}}","size":{{bytes.Length}},"sha256":"{{Convert.ToHexStringLower(SHA256.HashData(bytes))}}","executable":{{(name == "steward-agent" ? "true" : "false")}}}""";
        }));
        File.WriteAllText(Path.Combine(directory, "steward-package.json"), $$"""{"format":1,"version":"2.00.1493.2000","entryPoint":"steward-agent","files":[{{files}}]}""");
        return directory;
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await AgentCli.RunAsync(args, new AgentConsole(output, output), CancellationToken.None);
        return (code, output.ToString());
    }

    public void Dispose() => _temp.Dispose();
}
