using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Sections;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading;

/// <summary>
/// Loads what-if scenarios (docs/RULES.md section 6) from YAML or JSON, checking all of the file before
/// anything runs: every problem is reported with its line and column, and a scenario is returned only
/// when there is none.
/// </summary>
/// <remarks>
/// <para>Checked: the syntax; the keys allowed in each place (case-sensitive) and the type of each
/// value; required keys; versions, boundaries, addresses and site codes (with the messages of the
/// Policy parsers); duplicate site codes, logon point names and client names, generated names included;
/// every reference to a site, logon point or client, generated clients included; the senior site; the
/// shape of each step; the limits of <see cref="ScenarioLimits"/>.</para>
/// <para>Site codes, logon point names and client names are compared without regard to case, as
/// Windows compares them; every name in the returned scenario is spelled as it was declared.</para>
/// </remarks>
public static class ScenarioLoader
{
    /// <summary>Loads a scenario from its text.</summary>
    /// <param name="text">The text of a YAML or JSON file.</param>
    public static LoadResult Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Files read with File.ReadAllText lose their byte-order mark, but text from elsewhere may keep
        // it, and YamlDotNet would make it part of the first key.
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var problems = new ProblemList();
        var root = YamlTreeReader.Read(text, problems);
        Scenario? scenario = null;
        switch (root)
        {
            case null:
                break;
            case YamlMapping mapping:
                scenario = ScenarioReader.Read(mapping, problems);
                break;
            default:
                problems.Add(root, $"the top level of a scenario must be a mapping with the keys sites, logonPoints, clients, generate and steps, not {root.Describe()}");
                break;
        }

        return scenario is not null && problems.Count == 0 ? LoadResult.Valid(scenario) : LoadResult.Refused(problems.InFileOrder());
    }

    /// <summary>Loads a scenario from a file; a file that cannot be read is one problem at line 1, column 1.</summary>
    /// <param name="path">The file's path.</param>
    public static LoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // Not a bug but the user's input: reported like any other problem, so that the command has
            // one way to print problems and one exit code for them.
            return LoadResult.Refused([new ScenarioProblem(new SourcePosition(1, 1), $"cannot read the file: {e.Message}")]);
        }

        return Load(text);
    }
}
