using Steward.Policy.Versions;
using Steward.Protocol.Packages;

namespace Steward.Packaging.Archives;

/// <summary>
/// What a package manifest must be before anything it names is read: format 1, a valid version, an entry
/// point among its files, and a bounded list of distinct, relative, hashed files. Each refusal names the
/// part at fault as the manifest's JSON spells it (<c>manifest.files[2]</c>).
/// </summary>
internal static class PackageManifestRules
{
    /// <summary>The manifest as a whole, as a field name.</summary>
    public const string Field = "manifest";

    /// <summary>The most files a package holds (a real agent has a few dozen).</summary>
    public const int MaxFiles = 10_000;

    /// <summary>The most bytes a package's files add up to once extracted: bounds what a declared size can make a reader do.</summary>
    public const long MaxExtractedBytes = 4L << 30;

    private const int MaxPathLength = 1024;

    public static string FileField(int index) => $"{Field}.files[{index}]";

    /// <summary>The manifest, its version canonical; throws <see cref="PackageException"/> naming the field at fault.</summary>
    public static PackageManifest Check(PackageManifest? manifest)
    {
        var name = PackageArchive.ManifestName;
        if (manifest is null)
        {
            throw PackageException.Of(Field, $"{name} is empty (null); it must be a format-1 package manifest.");
        }

        if (manifest.Format != 1)
        {
            throw PackageException.Of($"{Field}.format", $"{name} has format {manifest.Format}; only format 1 is known.");
        }

        if (manifest.Version is null)
        {
            throw PackageException.Of($"{Field}.version", $"{name} has no version.");
        }

        var version = AgentVersion.TryParse(manifest.Version);
        if (!version.Success)
        {
            throw PackageException.Of($"{Field}.version", $"{name}: {version.Error}");
        }

        if (manifest.EntryPoint is null)
        {
            throw PackageException.Of($"{Field}.entryPoint", $"{name} has no entry point.");
        }

        CheckFiles(manifest.Files);
        if (!manifest.Files.Any(f => f.Path == manifest.EntryPoint))
        {
            throw PackageException.Of($"{Field}.entryPoint", $"{name}: the entry point '{manifest.EntryPoint}' is not one of the listed files.");
        }

        return manifest with { Version = version.Value.ToString() };
    }

    private static void CheckFiles(IReadOnlyList<PackageFile?>? files)
    {
        var name = PackageArchive.ManifestName;
        if (files is null)
        {
            throw PackageException.Of($"{Field}.files", $"{name} has no list of files.");
        }

        if (files.Count > MaxFiles)
        {
            throw PackageException.Of($"{Field}.files", $"{name} lists {files.Count} files; at most {MaxFiles} are accepted.");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var field = FileField(i);
            var file = files[i] ?? throw PackageException.Of(field, $"{name} lists null as a file; each file needs a path, a size and a SHA-256.");
            CheckPath(file.Path, field);
            if (!listed.Add(file.Path))
            {
                throw PackageException.Of(field, $"{name} lists '{file.Path}' twice.");
            }

            if (file.Size < 0 || file.Size > MaxExtractedBytes - total)
            {
                throw PackageException.Of(field, $"{name}: '{file.Path}' declares {file.Size} bytes; sizes are at least 0 and the files add up to at most {MaxExtractedBytes} bytes.");
            }

            total += file.Size;
            if (file.Sha256 is not { Length: 64 } || !file.Sha256.All(char.IsAsciiHexDigit))
            {
                throw PackageException.Of(field, $"{name}: '{file.Path}' needs a SHA-256 of 64 hex digits.");
            }
        }
    }

    private static void CheckPath(string? path, string field)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxPathLength || path.Any(char.IsControl) || path.Contains('\\', StringComparison.Ordinal) || path.StartsWith('/')
            || path.Contains(':', StringComparison.Ordinal) || path.Split('/').Any(part => part is "" or "." or "..") || path == PackageArchive.ManifestName)
        {
            throw PackageException.Of(field, $"{PackageArchive.ManifestName} lists the path '{path}': paths must be relative, use '/', hold no empty, '.' or '..' parts nor control characters, be at most {MaxPathLength} characters, and not be the manifest's own name.");
        }
    }
}
