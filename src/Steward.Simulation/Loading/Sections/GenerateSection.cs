using System.Globalization;
using Steward.Policy.Boundaries;
using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Sections;

/// <summary>
/// Reads <c>generate</c>: blocks of many alike clients, named by a prefix and a number and given one
/// address each from a boundary.
/// </summary>
internal static class GenerateSection
{
    private static readonly string[] Keys = ["count", "prefix", "addresses", "installed", "sites", "travel", "failRate", "offlineRate"];

    /// <summary>Reads the blocks, declaring each block's names in <paramref name="clients"/>.</summary>
    public static List<GenerateBlock> Read(YamlNode? node, SiteDirectory sites, ClientDirectory clients, ProblemList problems)
    {
        var result = new List<GenerateBlock>();
        foreach (var (_, entry) in SectionList.Entries(node, "generate", "a generate block with count, prefix and addresses", problems))
        {
            if (ReadBlock(entry, sites, clients, problems) is { } block)
            {
                result.Add(block);
            }
        }

        return result;
    }

    private static GenerateBlock? ReadBlock(YamlMapping entry, SiteDirectory sites, ClientDirectory clients, ProblemList problems)
    {
        var fields = MappingFields.Read(entry, "a generate block", Keys, problems);

        var countNode = fields.Required("count", "count: 1000");
        var count = countNode is null ? null : ValueReader.WholeNumber(countNode, "'count'", 1, ScenarioLimits.MaxClients, problems);

        var prefixNode = fields.Required("prefix", "prefix: WS");
        var prefix = prefixNode is null ? null : ValueReader.Text(prefixNode, "'prefix'", "a name prefix such as WS", problems);

        if (prefix is not null && count is not null)
        {
            clients.Declare(new NameRange(prefix, count.Value, entry.At, prefixNode!.At));
        }
        else
        {
            clients.DeclareIncomplete(prefix);
        }

        var addressesNode = fields.Required("addresses", "addresses: 10.2.0.0/16");
        var addresses = addressesNode is null ? null : ReadAddresses(addressesNode, count, problems);

        var agent = AgentFields.Read(fields, sites, problems);
        var failRateNode = fields.Optional("failRate");
        var failRate = failRateNode is null ? null : ValueReader.Rate(failRateNode, "'failRate'", problems);
        var offlineRateNode = fields.Optional("offlineRate");
        var offlineRate = offlineRateNode is null ? null : ValueReader.Rate(offlineRateNode, "'offlineRate'", problems);

        if (count is null || prefix is null || addresses is null || agent is null || (failRateNode is not null && failRate is null) || (offlineRateNode is not null && offlineRate is null))
        {
            return null;
        }

        return new GenerateBlock(count.Value, prefix, addresses.Value, agent.Value.Installed, agent.Value.Sites, agent.Value.Travel, entry.At, failRate, offlineRate);
    }

    private static Boundary? ReadAddresses(YamlNode node, int? count, ProblemList problems)
    {
        if (node is YamlSequence)
        {
            problems.Add(node, $"'addresses' of a generate block must be one boundary from which each client gets an address (a subnet, a range or an address), not a list");
            return null;
        }

        if (ValueReader.Boundary(node, "'addresses'", problems) is not { } boundary)
        {
            return null;
        }

        // Client i gets first + floor(i * size / count): with fewer addresses than clients, two would share one.
        if (count is { } n && boundary.SizeMinusOne < (UInt128)(n - 1))
        {
            var size = (boundary.SizeMinusOne + 1).ToString(CultureInfo.InvariantCulture);
            problems.Add(node, $"'addresses': {boundary} holds {size} address{(size == "1" ? "" : "es")}, fewer than the {n} clients of 'count'; each generated client needs its own address");
            return null;
        }

        return boundary;
    }
}
