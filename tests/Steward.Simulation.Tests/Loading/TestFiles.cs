namespace Steward.Simulation.Tests.Loading;

/// <summary>Finds the files of Loading/Data in the source tree.</summary>
internal static class TestFiles
{
    /// <summary>The full path of a file in tests/Steward.Simulation.Tests/Loading/Data.</summary>
    public static string Path(string name)
    {
        // The tests run from bin/; the source tree is above it, marked by the solution file.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Steward.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return System.IO.Path.Combine(directory.FullName, "tests", "Steward.Simulation.Tests", "Loading", "Data", name);
    }
}
