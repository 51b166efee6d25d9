namespace Steward.Cli.Push;

/// <summary>Files and directories only their owner reads (known_hosts, the push's results): as ssh keeps ~/.ssh.</summary>
internal static class OwnerOnly
{
    /// <summary>Makes the directory (0700 where modes exist) if it is not there.</summary>
    public static void Directory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else if (!System.IO.Directory.Exists(path))
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Options that create a file 0600 where modes exist.</summary>
    public static FileStreamOptions Create(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
