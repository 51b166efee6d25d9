using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Sections;

/// <summary>Reads <c>clients</c>: each named client's name, addresses, installed version, sites, travel flag and whether its upgrades fail.</summary>
internal static class ClientSection
{
    private static readonly string[] Keys = ["name", "addresses", "installed", "sites", "travel", "failsUpgrade"];

    /// <summary>Reads the named clients, declaring each name in <paramref name="clients"/>.</summary>
    public static List<ScenarioClient> Read(YamlNode? node, SiteDirectory sites, ClientDirectory clients, ProblemList problems)
    {
        var result = new List<ScenarioClient>();
        foreach (var (_, entry) in SectionList.Entries(node, "clients", "a client with name and addresses", problems))
        {
            if (ReadClient(entry, sites, clients, problems) is { } client)
            {
                result.Add(client);
            }
        }

        return result;
    }

    private static ScenarioClient? ReadClient(YamlMapping entry, SiteDirectory sites, ClientDirectory clients, ProblemList problems)
    {
        var fields = MappingFields.Read(entry, "a client", Keys, problems);

        var nameNode = fields.Required("name", "name: PC-OLD");
        var name = nameNode is null ? null : clients.Declare(nameNode, problems);

        var addressesNode = fields.Required("addresses", "addresses: [10.1.0.5]");
        var addresses = addressesNode is null
            ? null
            : ValueReader.ListOf(addressesNode, "'addresses'", "addresses such as [10.1.0.5]", a => ValueReader.Address(a, "'addresses'", problems), problems);
        if (addresses is { Count: 0 })
        {
            problems.Add(addressesNode!, "'addresses' is empty; a client needs at least one address");
            addresses = null;
        }

        var agent = AgentFields.Read(fields, sites, problems);
        var failsNode = fields.Optional("failsUpgrade");
        var fails = failsNode is null ? false : ValueReader.Boolean(failsNode, "'failsUpgrade'", problems);

        if (name is null || addresses is null || agent is null || fails is null)
        {
            return null;
        }

        return new ScenarioClient(name, addresses, agent.Value.Installed, agent.Value.Sites, agent.Value.Travel, entry.At, fails.Value);
    }
}
