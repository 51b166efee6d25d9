using System.Diagnostics;

namespace Steward.Server.Tests.Http;

/// <summary>
/// The <c>redocly</c> command (npm <c>@redocly/cli</c>, installed by .ci/run), which lints an OpenAPI document
/// with the repository's redocly.yaml.
/// </summary>
internal static class Redocly
{
    public const string Install = "npm install -g @redocly/cli@2.77.0";

    private static readonly Lazy<string?> Command = new(Find);

    /// <summary>The command's path, or null when it is not installed.</summary>
    public static string? Path => Command.Value;

    /// <summary>Lints the document; returns the exit code and everything the command printed.</summary>
    public static async Task<(int ExitCode, string Output)> LintAsync(string document)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException($"redocly is not installed: {Install}"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in (string[])["lint", "--format=stylish", "--config", System.IO.Path.Combine(RepositoryRoot(), "redocly.yaml"), document])
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry from a test run, and no question about it.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "redocly"))
            .FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Steward.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Steward.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A test that needs <c>redocly</c>: skipped, saying how to install it, where it is missing; under CI
/// (<c>CI=true</c>), which installs it, it runs and fails instead, so that a broken install cannot pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (Redocly.Path is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"the redocly command is not installed, so the OpenAPI document is not linted: {Redocly.Install}";
        }
    }
}
