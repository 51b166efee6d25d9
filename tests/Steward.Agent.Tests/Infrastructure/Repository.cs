namespace Steward.Agent.Tests.Infrastructure;

/// <summary>Paths in the source tree, found from the test's output directory.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory that holds Steward.slnx.</summary>
    public static string Root => RootPath.Value;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Steward.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Steward.slnx not found above " + AppContext.BaseDirectory);
    }
}
