using System.Text.Json;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Packaging;
using Steward.Packaging.Archives;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Packages;

namespace Steward.Cli.Packages;

/// <summary>Builds a package archive with <see cref="PackageArchive.Build"/>; the archive appears whole or not at all.</summary>
internal static class PackageBuildAction
{
    /// <summary>Exit code 0 with the archive written, 2 when the directory, version or entry point is wrong.</summary>
    public static int Run(PackageBuildOptions options, Terminal terminal, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(environment);
        var version = AgentVersion.TryParse(options.Version);
        if (!version.Success)
        {
            return Refuse(terminal, $"--version: {version.Error}");
        }

        var from = environment.PathOf(options.From);
        var output = environment.PathOf(options.Output ?? $"steward-agent-{version.Value}.zip");
        if (IsInside(output, from))
        {
            return Refuse(terminal, $"--output: {output} is inside {from}; the package would hold itself");
        }

        // Written beside the target and moved over it at the end, so a failure leaves no half archive.
        var partial = output + ".partial";
        PackageManifest manifest;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                manifest = PackageArchive.Build(from, version.Value, options.EntryPoint, stream);
            }

            File.Move(partial, output, overwrite: true);
        }
        catch (Exception e) when (e is PackageException or IOException or UnauthorizedAccessException)
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }

            return Refuse(terminal, e.Message);
        }

        if (options.Json)
        {
            JsonOut.Write(terminal, JsonSerializer.SerializeToUtf8Bytes(manifest, ProtocolJson.Default.PackageManifest));
        }
        else
        {
            var size = new FileInfo(output).Length;
            terminal.Out.WriteLine($"Built {output}: version {manifest.Version}, entry point {manifest.EntryPoint}, {Formats.Count(manifest.Files.Count, "file")}, {Formats.Bytes(size)}.");
            terminal.Out.WriteLine($"Publish it with: steward package publish {output} --version {manifest.Version}");
        }

        return ExitCodes.Ok;
    }

    private static bool IsInside(string path, string directory) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static int Refuse(Terminal terminal, string message)
    {
        terminal.Error.WriteLine($"steward: {message}");
        return ExitCodes.InvalidInput;
    }
}
