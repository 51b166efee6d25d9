namespace Steward.Cli.Tests;

/// <summary>Paths in the source tree, found from the test's output directory.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory that holds Steward.slnx.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A file of examples/.</summary>
    public static string Example(string name) => Path.Combine(Root, "examples", name);

    /// <summary>A file of tests/Steward.Cli.Tests/Data.</summary>
    public static string Data(string name) => Path.Combine(Root, "tests", "Steward.Cli.Tests", "Data", name);

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
