using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// The real agent, published as Native AOT for linux-x64 at several versions (<c>-p:StewardAgentVersion</c>),
/// once per test run and shared by every test of the <see cref="NativeAgentCollection"/>. Each publish takes
/// most of a minute on two cores, so the outputs are kept in the temporary directory under a hash of the
/// sources: a second run on an unchanged tree reuses them. A version that must fail somewhere is not a further
/// publish: <see cref="MarkerFailingBuild"/> wraps one of these in a package whose health check fails where a marker lies.
/// </summary>
public sealed class NativeAgentBuilds
{
    /// <summary>SP1, as in Q262677.</summary>
    public const string Sp1 = "2.00.1380.1000";

    /// <summary>SP2.</summary>
    public const string Sp2 = "2.00.1493.2000";

    /// <summary>A hotfix of SP2.</summary>
    public const string Sp2Hotfix = "2.00.1493.2001";

    private readonly Dictionary<string, string> _directories = new(StringComparer.Ordinal);

    public NativeAgentBuilds()
    {
        var key = SourceHash();
        foreach (var version in new[] { Sp1, Sp2, Sp2Hotfix })
        {
            _directories[version] = Publish(version, key);
        }
    }

    /// <summary>The published directory of a version: the program alone.</summary>
    public string Directory(string version) => _directories[version];

    /// <summary>The program of a version.</summary>
    public string Program(string version) => Path.Combine(_directories[version], "steward-agent");

    private static string Publish(string version, string key)
    {
        var output = Path.Combine(Path.GetTempPath(), "steward-agent-builds", key, version);
        var program = Path.Combine(output, "steward-agent");
        if (File.Exists(program) && File.Exists(Path.Combine(output, "..", version + ".done")))
        {
            return output;
        }

        if (System.IO.Directory.Exists(output))
        {
            System.IO.Directory.Delete(output, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var arg in new[] { "publish", "src/Steward.Agent/Steward.Agent.csproj", "-c", "Release", "-r", "linux-x64", "-o", output, $"-p:StewardAgentVersion={version}", "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"dotnet publish of {version} did not finish in 10 minutes.");
        }

        if (process.ExitCode != 0 || !File.Exists(program))
        {
            throw new InvalidOperationException($"dotnet publish of {version} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        File.WriteAllText(Path.Combine(output, "..", version + ".done"), "");
        return output;
    }

    // Everything that goes into the native file: the three projects' sources and the build settings.
    private static string SourceHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = Repository.Root;
        var files = new[] { "src/Steward.Agent", "src/Steward.Protocol", "src/Steward.Policy" }
            .SelectMany(d => System.IO.Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }.Select(f => Path.Combine(root, f)))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
