using Steward.Agent.Platform;

namespace Steward.Agent.Layout;

/// <summary>
/// Runs at the start of every command that changes the directory, with the lock held (so nothing else is
/// updating): finishes what an interrupted run left. Staging leftovers and version directories without
/// their marker are removed; temporary pointers are removed; a pointer that does not name a complete
/// version is moved to the newest complete one. Partial downloads are kept (the next download resumes
/// them) unless they are older than <see cref="PartialLifetime"/> or belong to a version already complete. Complete versions are never removed here.
/// </summary>
/// <param name="layout">The agent's directory.</param>
/// <param name="time">The clock, for the age of partial downloads.</param>
internal sealed class Recovery(AgentLayout layout, TimeProvider time)
{
    /// <summary>The agent's directory.</summary>
    public AgentLayout Layout { get; } = layout;

    /// <summary>The clock, for the age of partial downloads.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>How long a partial download is kept for resuming.</summary>
    public static readonly TimeSpan PartialLifetime = TimeSpan.FromDays(7);

    /// <summary>Cleans up and returns what was done, in words (empty when there was nothing to do).</summary>
    public IReadOnlyList<string> Run()
    {
        var done = new List<string>();
        Layout.Create();
        foreach (var leftover in Directory.EnumerateFileSystemEntries(Layout.Staging))
        {
            DeleteEntry(leftover);
            done.Add($"removed the staging leftover {Path.GetFileName(leftover)} of an interrupted update");
        }

        foreach (var temporary in Directory.EnumerateFileSystemEntries(Layout.Root, ".*.tmp-*").Concat(Directory.EnumerateFileSystemEntries(Layout.Root, ".current.tmp-*")).Distinct())
        {
            File.Delete(temporary);
            done.Add($"removed the temporary file {Path.GetFileName(temporary)} of an interrupted write");
        }

        var versions = new VersionStore(Layout);
        var pointer = new CurrentPointer(Layout);
        var current = pointer.Read();
        var anyComplete = versions.Complete().Count > 0;
        foreach (var directory in versions.Directories())
        {
            if (versions.Marker(directory) is null && directory == current && !anyComplete)
            {
                // The pointer only ever names a complete version, so this is damage (a lost marker), not an interrupted
                // update; with nothing else to run, removing it would leave the computer without an agent.
                done.Add($"versions/{directory}, which the pointer names, has lost its marker; it is kept, as nothing else could run (steward-agent doctor --repair)");
            }
            else if (versions.Marker(directory) is null)
            {
                versions.Remove(directory);
                done.Add($"removed versions/{directory}, which an interrupted update left incomplete");
            }
        }

        var complete = versions.Complete();
        if (current is not null && versions.Marker(current) is null)
        {
            if (complete.Count > 0)
            {
                var newest = complete[^1].ToString();
                pointer.Switch(newest);
                done.Add($"the pointer named {current}, which is not a complete version; it now names {newest}");
            }
            else if (!Directory.Exists(Layout.VersionDirectory(current)))
            {
                done.Add($"the pointer names {current}, which is not a complete version, and no complete version is left; run 'steward-agent install' to install one");
            }
        }
        else if (current is null && complete.Count > 0)
        {
            var newest = complete[^1].ToString();
            pointer.Switch(newest);
            done.Add($"there was no pointer although {newest} is complete; it now names {newest}");
        }

        // A run killed between the switch and its clean-up leaves the download of a version now complete.
        var installed = complete.Select(v => versions.Marker(v.ToString())?.Sha256).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var partial in Directory.EnumerateFiles(Layout.Downloads))
        {
            if (installed.Contains(Path.GetFileNameWithoutExtension(partial)))
            {
                File.Delete(partial);
                done.Add($"removed the download {Path.GetFileName(partial)}, which is installed already");
            }
            else if (Time.GetUtcNow() - File.GetLastWriteTimeUtc(partial) > PartialLifetime)
            {
                File.Delete(partial);
                done.Add($"removed the download {Path.GetFileName(partial)}, untouched for more than {PartialLifetime.TotalDays:0} days");
            }
        }

        if (done.Count > 0)
        {
            Durability.SyncDirectory(Layout.Root);
        }

        return done;
    }

    private static void DeleteEntry(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
