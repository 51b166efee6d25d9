using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Steward.Cli.Console;
using Steward.Policy.Versions;
using Steward.Protocol.Packages;

namespace Steward.Cli.Packages;

/// <summary>Builds a package archive from a published agent and says what is in it.</summary>
public static class PackageBuildAction
{
    /// <summary>Exit code 0 with the archive written; 2 when the directory, version or entry point is not valid (nothing is written).</summary>
    public static int Run(PackageBuildOptions options, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var version = AgentVersion.Parse(options.Version);
        if (!version.Success)
        {
            terminal.Error.WriteLine($"steward: --version: {version.Error}");
            return ExitCodes.InvalidInput;
        }

        var canonical = version.Value.ToString();
        var entryPoint = options.EntryPoint
            ?? (File.Exists(Path.Combine(options.From, "steward-agent.exe")) && !File.Exists(Path.Combine(options.From, "steward-agent")) ? "steward-agent.exe" : "steward-agent");
        var output = Path.GetFullPath(options.Output ?? $"steward-agent-{canonical}.zip");
        if (output.StartsWith(Path.GetFullPath(options.From) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            terminal.Error.WriteLine($"steward: --output {output} is inside --from {options.From}; the archive would contain itself.");
            return ExitCodes.InvalidInput;
        }

        // Written beside the target and renamed, so a failed build never leaves a half archive under the final name.
        var temporary = output + ".partial";
        PackageManifest manifest;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                manifest = PackageArchive.Build(options.From, version.Value, entryPoint, stream);
            }

            File.Move(temporary, output, overwrite: true);
        }
        catch (PackageException e)
        {
            File.Delete(temporary);
            terminal.Error.WriteLine($"steward: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var size = new FileInfo(output).Length;
        string sha;
        using (var archive = File.OpenRead(output))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(archive));
        }

        if (options.Format == OutputFormat.Json)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("archive", output);
                json.WriteString("version", canonical);
                json.WriteString("entryPoint", manifest.EntryPoint);
                json.WriteNumber("size", size);
                json.WriteString("sha256", sha);
                json.WriteNumber("files", manifest.Files.Count);
                json.WriteEndObject();
            }

            terminal.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{output}: agent {canonical}, entry point {manifest.EntryPoint}, {manifest.Files.Count} file{(manifest.Files.Count == 1 ? "" : "s")}, {size} bytes, SHA-256 {sha}"));
        }

        return ExitCodes.Ok;
    }
}
