namespace Steward.Agent.Tests.Infrastructure;

/// <summary>Copies a directory tree keeping symbolic links as links and Unix modes: a computer's agent directory, duplicated.</summary>
internal static class TreeCopy
{
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var destination = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(destination, link);
            }
            else if (entry is DirectoryInfo)
            {
                Copy(entry.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination);
                File.SetUnixFileMode(destination, File.GetUnixFileMode(entry.FullName));
            }
        }
    }
}
