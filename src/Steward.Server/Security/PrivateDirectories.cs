using Steward.Server.Hosting;
using Steward.Server.Storage.Engines;

namespace Steward.Server.Security;

/// <summary>
/// Before anything is opened: makes the data and packages directories, or tightens them, so that only the
/// server's user can read what is in them (0700 directories, 0600 files). A directory made by an older
/// version, restored from a backup or loosened by hand is tightened, and each change is logged.
/// </summary>
/// <remarks>
/// Only the server's own files are touched, never everything under the directory: <c>--data</c> may name a
/// directory that holds other things, whose modes are not the server's to change.
/// </remarks>
internal sealed partial class PrivateDirectories(ServerOptions options, ILogger<PrivateDirectories> log)
{
    /// <summary>The files the server keeps directly in the data directory.</summary>
    public static readonly IReadOnlyList<string> DataFiles =
        [.. SqliteEngine.Files(SqliteEngine.FileName), ServerInitializer.TokenFile, ServerInitializer.TokenFile + ".tmp"];

    /// <summary>Creates or tightens the data directory, the packages directory and the server's files in them.</summary>
    public void Secure()
    {
        SecureDirectory(options.DataPath);
        foreach (var name in DataFiles)
        {
            SecureFile(Path.Combine(options.DataPath, name));
        }

        SecureDirectory(options.PackagesPath);
        SecureFiles(options.PackagesPath, "*.zip");
        var incoming = Path.Combine(options.PackagesPath, "incoming");
        if (Directory.Exists(incoming))
        {
            SecureDirectory(incoming);
            SecureFiles(incoming, "*.partial");
        }
    }

    private void SecureDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            OwnerOnly.CreateDirectory(path);
            return;
        }

        Tighten(path, OwnerOnly.DirectoryPermissions);
    }

    private void SecureFiles(string directory, string pattern)
    {
        foreach (var file in Directory.EnumerateFiles(directory, pattern))
        {
            SecureFile(file);
        }
    }

    private void SecureFile(string path)
    {
        // A symbolic link is left alone: changing its target's mode would reach outside the directory.
        var info = new FileInfo(path);
        if (info.Exists && info.LinkTarget is null)
        {
            Tighten(path, OwnerOnly.FilePermissions);
        }
    }

    private void Tighten(string path, UnixFileMode allowed)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        var tightened = mode & allowed;
        if (tightened == mode)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, tightened);
            LogTightened(path, Octal(mode), Octal(tightened));
        }
        catch (UnauthorizedAccessException e)
        {
            // Shared storage owned by another user (a packages directory several servers use): said, not fatal.
            LogNotTightened(path, Octal(mode), e.Message);
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8).PadLeft(3, '0');

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} had mode {Old}, open to other users; its mode is now {New}, for it holds or guards the signing key, the administrator token or the packages")]
    private partial void LogTightened(string path, string old, string @new);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path} has mode {Mode}, open to other users, and could not be tightened: {Error}")]
    private partial void LogNotTightened(string path, string mode, string error);
}
