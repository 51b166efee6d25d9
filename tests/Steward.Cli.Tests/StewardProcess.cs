using System.Diagnostics;

namespace Steward.Cli.Tests;

/// <summary>Runs the real <c>steward</c> program in its own process and collects its exit code and streams.</summary>
internal static class StewardProcess
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> environment, string? workingDirectory, params string[] args)
    {
        // The program is built beside the tests (project reference); run it with the same host.
        var program = Path.Combine(AppContext.BaseDirectory, "steward.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
