using System.Diagnostics;
using System.Globalization;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// A tmpfs of a given size, mounted for one test: a disk that really fills up (ENOSPC), and that can be
/// grown again to play an operator freeing space. Needs root, as CI and this machine run.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    /// <summary>Mounts the disk at <paramref name="at"/> (made if missing; removed with the disk), or at a new temporary directory.</summary>
    public SmallDisk(int megabytes, string? at = null)
    {
        Path = at ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "steward-small-disk-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
        Mount("-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={megabytes}m"), "tmpfs", Path);
    }

    public string Path { get; }

    /// <summary>Gives the disk more room (tmpfs can be resized in place).</summary>
    public void Grow(int megabytes) => Mount("-o", string.Create(CultureInfo.InvariantCulture, $"remount,size={megabytes}m"), Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Mount(params string[] args)
    {
        var (code, errors) = Run("mount", args);
        Assert.True(code == 0, $"mount {string.Join(' ', args)} failed ({errors.Trim()}): this test needs root, to simulate a full disk with a small tmpfs");
    }

    private static (int Code, string Errors) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors);
    }
}
