using System.Runtime.InteropServices;

namespace Steward.Agent.Platform;

/// <summary>
/// Makes renames survive power loss: after a rename the directory entry itself must reach the disk,
/// which on Unix takes an fsync of the directory (the BCL has no call for it).
/// </summary>
internal static partial class Durability
{
    private const int ReadOnly = 0;

    /// <summary>Flushes a directory's entries to disk (Unix); on Windows NTFS journals the rename itself.</summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open the directory '{directory}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Cannot flush the directory '{directory}' to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// rename(2): replaces <paramref name="target"/> by <paramref name="source"/> in one step, whatever they are.
    /// File.Move cannot do it for a symbolic link to a directory (it sees a directory, not a file).
    /// </summary>
    public static void RenameOver(string source, string target)
    {
        if (Rename(source, target) != 0)
        {
            throw new IOException($"Cannot rename '{source}' to '{target}' (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string source, string target);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
