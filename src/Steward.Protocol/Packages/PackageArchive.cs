using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Steward.Policy.Versions;

namespace Steward.Protocol.Packages;

/// <summary>
/// The package archive: a zip file whose first entry is <see cref="ManifestName"/> (a
/// <see cref="PackageManifest"/>) followed by every file it lists. Built by <c>steward package build</c>,
/// checked by the server at publication and again, file by file, by the agent as it extracts.
/// </summary>
public static class PackageArchive
{
    /// <summary>The manifest's name inside the archive.</summary>
    public const string ManifestName = "steward-package.json";

    /// <summary>The largest manifest read (a package of a few hundred files needs a few tens of KB).</summary>
    public const int MaxManifestBytes = 1 << 20;

    /// <summary>Builds an archive of every file under <paramref name="directory"/> and returns its manifest.</summary>
    public static PackageManifest Build(string directory, AgentVersion version, string entryPoint, Stream output)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new PackageException($"'{directory}' is not a directory.");
        }

        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => p != ManifestName)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!paths.Contains(entryPoint, StringComparer.Ordinal))
        {
            throw new PackageException($"The entry point '{entryPoint}' is not a file of '{directory}'.");
        }

        var files = new List<PackageFile>(paths.Count);
        foreach (var path in paths)
        {
            var full = Path.Combine(root, path);
            using var stream = File.OpenRead(full);
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            var executable = path == entryPoint || (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0);
            files.Add(new PackageFile(path, stream.Length, hash, executable));
        }

        var manifest = new PackageManifest(1, version.ToString(), entryPoint, files);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
            using (var stream = entry.Open())
            {
                JsonSerializer.Serialize(stream, manifest, ProtocolJson.Default.PackageManifest);
            }

            foreach (var file in files)
            {
                var fileEntry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                fileEntry.ExternalAttributes = (file.Executable ? 0b111_101_101 : 0b110_100_100) << 16;
                using var target = fileEntry.Open();
                using var source = File.OpenRead(Path.Combine(root, file.Path));
                source.CopyTo(target);
            }
        }

        return manifest;
    }

    /// <summary>
    /// Checks a whole archive: the manifest is valid and declares <paramref name="expectedVersion"/> (when
    /// given), every listed file is there with its size and hash, and nothing else is. Throws
    /// <see cref="PackageException"/> with what is wrong.
    /// </summary>
    public static PackageManifest Inspect(Stream archive, AgentVersion? expectedVersion = null)
    {
        using var zip = Open(archive);
        var manifest = ReadManifest(zip);
        if (expectedVersion is { } expected && AgentVersion.ParseExact(manifest.Version) != expected)
        {
            throw new PackageException($"The archive holds version {manifest.Version} (its manifest says so), not the declared {expected}.");
        }

        foreach (var file in manifest.Files)
        {
            var entry = zip.GetEntry(file.Path) ?? throw new PackageException($"The manifest lists '{file.Path}', which is not in the archive.");
            using var stream = entry.Open();
            VerifyCopy(stream, Stream.Null, file);
        }

        return manifest;
    }

    /// <summary>
    /// Extracts every file into <paramref name="directory"/> (which must be empty or absent), checking each
    /// file's size and hash as it is written; throws <see cref="PackageException"/> at the first mismatch.
    /// </summary>
    public static PackageManifest Extract(Stream archive, string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        using var zip = Open(archive);
        var manifest = ReadManifest(zip);
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        foreach (var file in manifest.Files)
        {
            var entry = zip.GetEntry(file.Path) ?? throw new PackageException($"The manifest lists '{file.Path}', which is not in the archive.");
            var target = Path.GetFullPath(Path.Combine(root, file.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var source = entry.Open())
            using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                VerifyCopy(source, output, file);
                output.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, file.Executable
                    ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }

        return manifest;
    }

    private static ZipArchive Open(Stream archive)
    {
        try
        {
            return new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new PackageException("The package is not a valid zip archive.", e);
        }
    }

    private static PackageManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw new PackageException($"The archive has no {ManifestName}; build packages with 'steward package build'.");
        if (entry.Length > MaxManifestBytes)
        {
            throw new PackageException($"{ManifestName} is {entry.Length} bytes; at most {MaxManifestBytes} are read.");
        }

        PackageManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize(stream, ProtocolJson.Default.PackageManifest);
        }
        catch (JsonException e)
        {
            throw new PackageException($"{ManifestName} is not valid JSON: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new PackageException($"{ManifestName} cannot be decompressed: {e.Message}", e);
        }

        if (manifest is null || manifest.Format != 1 || manifest.Files is null || manifest.Version is null || manifest.EntryPoint is null)
        {
            throw new PackageException($"{ManifestName} is not a format-1 package manifest (format, version, entryPoint and files are required).");
        }

        var version = AgentVersion.Parse(manifest.Version);
        if (!version.Success)
        {
            throw new PackageException($"{ManifestName}: {version.Error}");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            CheckPath(file.Path);
            if (!listed.Add(file.Path))
            {
                throw new PackageException($"{ManifestName} lists '{file.Path}' twice.");
            }

            if (file.Size < 0 || file.Sha256 is not { Length: 64 })
            {
                throw new PackageException($"{ManifestName}: '{file.Path}' needs a size and a SHA-256 of 64 hex digits.");
            }
        }

        if (!listed.Contains(manifest.EntryPoint))
        {
            throw new PackageException($"{ManifestName}: the entry point '{manifest.EntryPoint}' is not one of the listed files.");
        }

        foreach (var entryInZip in zip.Entries)
        {
            if (entryInZip.FullName != ManifestName && !listed.Contains(entryInZip.FullName) && !entryInZip.FullName.EndsWith('/'))
            {
                throw new PackageException($"The archive holds '{entryInZip.FullName}', which the manifest does not list.");
            }
        }

        return manifest with { Version = version.Value.ToString() };
    }

    private static void CheckPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\\', StringComparison.Ordinal) || path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal)
            || path.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new PackageException($"{ManifestName} lists the path '{path}': paths must be relative, use '/', and hold no empty, '.' or '..' parts.");
        }
    }

    // Copies at most the declared size plus one byte, so an entry that decompresses to more (a zip bomb,
    // or a tampered file) is caught without reading it all.
    private static void VerifyCopy(Stream source, Stream target, PackageFile file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, file.Size + 1 - total))) > 0)
            {
                total += read;
                if (total > file.Size)
                {
                    throw new PackageException($"'{file.Path}' is larger than the {file.Size} bytes its manifest declares.");
                }

                hash.AppendData(buffer, 0, read);
                target.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new PackageException($"'{file.Path}' cannot be decompressed: {e.Message}", e);
        }

        if (total != file.Size)
        {
            throw new PackageException($"'{file.Path}' has {total} bytes; its manifest declares {file.Size}.");
        }

        if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new PackageException($"'{file.Path}' does not match the SHA-256 its manifest declares.");
        }
    }
}
