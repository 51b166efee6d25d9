using System.Security.Cryptography;
using Steward.Agent.Platform;
using Steward.Packaging;
using Steward.Protocol.Packages;

namespace Steward.Agent.Layout;

/// <summary>
/// The files of one version against the list its package manifest gives (size and SHA-256 of each):
/// checking a directory, and copying a verified directory into staging.
/// </summary>
internal static class VersionFiles
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Plain = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>What is wrong with the files under <paramref name="directory"/>, in words; empty when every file matches.</summary>
    public static IReadOnlyList<string> Problems(string directory, IReadOnlyList<PackageFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            if (Problem(Path.Combine(directory, file.Path), file) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>
    /// Copies every listed file from <paramref name="source"/> into <paramref name="target"/> (created; must not
    /// exist), checking each copy's size and SHA-256 as it is written and flushing it; throws
    /// <see cref="PackageException"/> at the first file that does not match.
    /// </summary>
    public static void Copy(string source, string target, IReadOnlyList<PackageFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(target);
        foreach (var file in files)
        {
            var to = Path.GetFullPath(Path.Combine(target, file.Path));
            if (!to.StartsWith(Path.GetFullPath(target) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new PackageException($"The manifest names '{file.Path}', which is outside the version's directory.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            using (var input = File.OpenRead(Path.Combine(source, file.Path)))
            using (var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                input.CopyTo(output);
                output.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(to, file.Executable ? Executable : Plain);
            }

            if (Problem(to, file) is { } problem)
            {
                throw new PackageException($"The copy does not match its manifest: {problem}");
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(target, "*", SearchOption.AllDirectories).Prepend(target))
        {
            Durability.SyncDirectory(directory);
        }
    }

    private static string? Problem(string path, PackageFile file)
    {
        if (!File.Exists(path))
        {
            return $"{file.Path} is missing";
        }

        // A file that cannot be opened or read (a socket in its place, a failing disk) is a finding, never an
        // exception: the daily check runs inside the service, which must keep running to report it.
        string hash;
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length != file.Size)
            {
                return $"{file.Path} is {stream.Length} bytes, not the {file.Size} its manifest lists";
            }

            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path} cannot be read: {e.Message}";
        }

        return string.Equals(hash, file.Sha256, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{file.Path} has SHA-256 {hash}, not the {file.Sha256} its manifest lists";
    }
}
