using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Sections;

/// <summary>
/// Reads the top level of a scenario. Sections are read in the order their names depend on each other
/// (sites, logon points, clients, generate blocks, steps), whatever their order in the file, so that a
/// reference can be checked wherever it is written.
/// </summary>
internal static class ScenarioReader
{
    private static readonly string[] Keys = ["sites", "logonPoints", "clients", "generate", "steps", "cycle"];

    /// <summary>The scenario, or null when anything in it is wrong (all of it is reported).</summary>
    public static Scenario? Read(YamlMapping root, ProblemList problems)
    {
        var fields = MappingFields.Read(root, "the top level", Keys, problems);
        var siteDirectory = new SiteDirectory();
        var logonPointDirectory = new LogonPointDirectory();
        var clientDirectory = new ClientDirectory();

        var sitesNode = fields.Required("sites", "sites: [{code: A01, version: 2.00.1380.1000, boundaries: [10.1.0.0/16]}]");
        var sites = SiteSection.Read(sitesNode, fields.KeyAt("sites") ?? root.At, siteDirectory, problems);
        var logonPoints = LogonPointSection.Read(fields.Optional("logonPoints"), siteDirectory, logonPointDirectory, problems);
        var clients = ClientSection.Read(fields.Optional("clients"), siteDirectory, clientDirectory, problems);
        var generate = GenerateSection.Read(fields.Optional("generate"), siteDirectory, clientDirectory, problems);
        clientDirectory.CheckGeneratedNames(problems);
        CheckClientCount(clients, generate, problems);
        var steps = StepSection.Read(fields.Optional("steps"), siteDirectory, logonPointDirectory, clientDirectory, problems);
        var cycle = ReadCycle(fields.Optional("cycle"), problems);

        return problems.Count == 0 ? new Scenario(sites, logonPoints, clients, generate, steps, cycle) : null;
    }

    // docs/RULES.md section 4: the maintenance cycle that places run's cycles; 23 hours unless the file says otherwise, never 0.
    private static long ReadCycle(YamlNode? node, ProblemList problems)
    {
        if (node is null || ValueReader.Duration(node, "'cycle'", problems) is not { } cycle)
        {
            return Scenario.DefaultCycle;
        }

        if (cycle == 0)
        {
            problems.Add(node, "'cycle' must be above 0: it is the time between two maintenance cycles of a client, for example cycle: 23h");
        }

        return cycle;
    }

    private static void CheckClientCount(List<ScenarioClient> clients, List<GenerateBlock> generate, ProblemList problems)
    {
        long total = clients.Count;
        foreach (var block in generate)
        {
            total += block.Count;
            if (total > ScenarioLimits.MaxClients)
            {
                problems.Add(block.At, $"with this generate block the scenario has {total:N0} clients; a scenario holds at most {ScenarioLimits.MaxClients:N0}");
                return;
            }
        }
    }
}
