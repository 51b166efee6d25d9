namespace Steward.Server.Security;

/// <summary>
/// Files and directories only the server's own user may read: the data directory holds the database (and
/// with it the package-signing key), the administrator token and the package archives. Modes are set at
/// creation, whatever the umask, so there is never a moment when another user could open a file.
/// </summary>
internal static class OwnerOnly
{
    /// <summary>rw-------: for every file the server writes.</summary>
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------: for every directory the server makes.</summary>
    public const UnixFileMode DirectoryPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Options for a <see cref="FileStream"/> whose file, when it is created, is readable by its owner alone.</summary>
    public static FileStreamOptions Stream(FileMode mode, FileAccess access, FileShare share = FileShare.None, FileOptions options = FileOptions.None)
    {
        var stream = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = FilePermissions;
        }

        return stream;
    }

    /// <summary>Creates a directory (and its missing parents) readable by its owner alone; an existing one is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryPermissions);
        }
    }
}
