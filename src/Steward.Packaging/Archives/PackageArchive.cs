using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Packages;

namespace Steward.Packaging.Archives;

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
    /// <see cref="PackageException"/> with what is wrong and where.
    /// </summary>
    public static PackageManifest Inspect(Stream archive, AgentVersion? expectedVersion = null) => Guarded(() =>
    {
        using var zip = Open(archive);
        var manifest = ReadManifest(zip);
        if (expectedVersion is { } expected && AgentVersion.Parse(manifest.Version) != expected)
        {
            throw new PackageException($"The archive holds version {manifest.Version} (its manifest says so), not the declared {expected}.");
        }

        for (var i = 0; i < manifest.Files.Count; i++)
        {
            using var stream = zip.GetEntry(manifest.Files[i].Path)!.Open();
            VerifyCopy(stream, Stream.Null, manifest.Files[i], i);
        }

        return manifest;
    });

    /// <summary>
    /// Extracts every file into <paramref name="directory"/> (which must be empty or absent), checking each
    /// file's size and hash as it is written; throws <see cref="PackageException"/> at the first mismatch.
    /// </summary>
    public static PackageManifest Extract(Stream archive, string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Guarded(() =>
        {
            using var zip = Open(archive);
            var manifest = ReadManifest(zip);
            var root = Path.GetFullPath(directory);
            Directory.CreateDirectory(root);
            for (var i = 0; i < manifest.Files.Count; i++)
            {
                var file = manifest.Files[i];
                var target = Path.GetFullPath(Path.Combine(root, file.Path));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using (var source = zip.GetEntry(file.Path)!.Open())
                using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    VerifyCopy(source, output, file, i);
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
        });
    }

    // A damaged zip can fail wherever it is read (the central directory is read on first use, an entry's
    // data when it is opened and read): those failures are the archive's fault, so they are refusals.
    private static PackageManifest Guarded(Func<PackageManifest> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException)
        {
            throw PackageException.Of(PackageException.ArchiveField, $"The package is not a valid zip archive: {e.Message}", e);
        }
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
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (!names.Add(entry.FullName))
            {
                throw new PackageException($"The archive holds '{entry.FullName}' twice.");
            }
        }

        var manifest = PackageManifestRules.Check(ParseManifest(zip));
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var entryInZip in zip.Entries)
        {
            if (entryInZip.FullName != ManifestName && !entryInZip.FullName.EndsWith('/') && !listed.Contains(entryInZip.FullName))
            {
                throw new PackageException($"The archive holds '{entryInZip.FullName}', which the manifest does not list.");
            }
        }

        for (var i = 0; i < manifest.Files.Count; i++)
        {
            var file = manifest.Files[i];
            var entry = zip.GetEntry(file.Path) ?? throw PackageException.Of(PackageManifestRules.FileField(i), $"The manifest lists '{file.Path}', which is not in the archive.");
            if (entry.Length != file.Size)
            {
                throw PackageException.Of(PackageManifestRules.FileField(i), $"'{file.Path}' is {entry.Length} bytes by the archive's directory; its manifest declares {file.Size}.");
            }
        }

        return manifest;
    }

    private static PackageManifest? ParseManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw PackageException.Of(PackageManifestRules.Field, $"The archive has no {ManifestName}; build packages with 'steward package build'.");
        if (entry.Length > MaxManifestBytes)
        {
            throw PackageException.Of(PackageManifestRules.Field, $"{ManifestName} is {entry.Length} bytes; at most {MaxManifestBytes} are read.");
        }

        try
        {
            // Read at most one byte past the limit, whatever size the zip's directory claims.
            using var stream = entry.Open();
            var bytes = new byte[MaxManifestBytes + 1];
            var length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (length > MaxManifestBytes)
            {
                throw PackageException.Of(PackageManifestRules.Field, $"{ManifestName} is larger than the {MaxManifestBytes} bytes read.");
            }

            return JsonSerializer.Deserialize(bytes.AsSpan(0, length), ProtocolJson.Default.PackageManifest);
        }
        catch (JsonException e)
        {
            throw PackageException.Of(PackageManifestRules.Field, $"{ManifestName} is not valid JSON: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw PackageException.Of(PackageManifestRules.Field, $"{ManifestName} cannot be decompressed: {e.Message}", e);
        }
    }

    // Copies at most the declared size plus one byte, so an entry that decompresses to more (a zip bomb,
    // or a tampered file) is caught without reading it all.
    private static void VerifyCopy(Stream source, Stream target, PackageFile file, int index)
    {
        var field = PackageManifestRules.FileField(index);
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
                    throw PackageException.Of(field, $"'{file.Path}' is larger than the {file.Size} bytes its manifest declares.");
                }

                hash.AppendData(buffer, 0, read);
                target.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw PackageException.Of(field, $"'{file.Path}' cannot be decompressed: {e.Message}", e);
        }

        if (total != file.Size)
        {
            throw PackageException.Of(field, $"'{file.Path}' has {total} bytes; its manifest declares {file.Size}.");
        }

        if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw PackageException.Of(field, $"'{file.Path}' does not match the SHA-256 its manifest declares.");
        }
    }
}
