namespace Steward.Simulation.Tests.Golden;

/// <summary>
/// Where the golden scenarios are: the copy beside the test assembly (what the tests read) and the
/// source folder (what blessing writes, so that the new expected files show up in git).
/// </summary>
internal static class GoldenFiles
{
    /// <summary>The environment variable that makes the golden tests write their output as the expected files.</summary>
    public const string BlessVariable = "STEWARD_BLESS";

    private const string ExpectedSuffix = ".expected.json";

    /// <summary>The copy of the Golden folder in the test output directory.</summary>
    public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "Golden");

    /// <summary>True when STEWARD_BLESS=1: expected files are rewritten instead of compared.</summary>
    public static bool Blessing => Environment.GetEnvironmentVariable(BlessVariable) == "1";

    /// <summary>The scenario files' names (YAML and JSON, not the expected files), sorted.</summary>
    public static IReadOnlyList<string> ScenarioNames() =>
        [.. Directory.EnumerateFiles(OutputFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsScenario)
            .Order(StringComparer.Ordinal)];

    /// <summary>The expected files' names, sorted.</summary>
    public static IReadOnlyList<string> ExpectedNames() =>
        [.. Directory.EnumerateFiles(OutputFolder, "*" + ExpectedSuffix)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    /// <summary><c>q262677.yaml</c> → <c>q262677.expected.json</c>.</summary>
    public static string ExpectedName(string scenario) => Path.GetFileNameWithoutExtension(scenario) + ExpectedSuffix;

    /// <summary>
    /// Scenarios named <c>*-all-clients</c> are written as <c>--all-clients</c> writes them, generated
    /// clients included: the file name is the only place a scenario can say so, as the format has no key for it.
    /// </summary>
    public static bool ListsAllClients(string scenario) =>
        Path.GetFileNameWithoutExtension(scenario).EndsWith("-all-clients", StringComparison.Ordinal);

    /// <summary>The Golden folder in the source tree, found above the test assembly by the solution file.</summary>
    public static string SourceFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Steward.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "tests", "Steward.Simulation.Tests", "Golden");
    }

    private static bool IsScenario(string name) =>
        !name.EndsWith(ExpectedSuffix, StringComparison.Ordinal) &&
        (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal));
}
