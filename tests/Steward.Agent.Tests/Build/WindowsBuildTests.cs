using System.Diagnostics;
using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Build;

/// <summary>
/// The Windows agent (service host, pointer file instead of a symbolic link) must keep compiling, with every
/// analyzer, although only Linux runs here. In the native collection so that it never builds beside a publish.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class WindowsBuildTests : IDisposable
{
    private readonly TempDirectory _temp = new("steward-win-x64");

    [Fact]
    public async Task Agent_BuildsForWindows()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (var arg in new[] { "build", "src/Steward.Agent/Steward.Agent.csproj", "-c", "Release", "-r", "win-x64", "-o", _temp.Path, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"dotnet build -r win-x64 failed:\n{await output}\n{await errors}");
        Assert.True(File.Exists(Path.Combine(_temp.Path, "steward-agent.exe")));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "System.ServiceProcess.ServiceController.dll")));
    }

    public void Dispose() => _temp.Dispose();
}
