using Steward.Policy.Sites;
using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;

namespace Steward.Simulation.Loading.Sections;

/// <summary>Reads <c>installed</c>, <c>sites</c> and <c>travel</c>, which clients and generate blocks share.</summary>
internal static class AgentFields
{
    /// <summary>The agent's starting state, or null when any of the three keys is wrong (all are reported).</summary>
    public static AgentSettings? Read(MappingFields fields, SiteDirectory sites, ProblemList problems)
    {
        var installedNode = fields.Optional("installed");
        var installed = installedNode is null ? null : ValueReader.Version(installedNode, "'installed'", problems);

        var sitesNode = fields.Optional("sites");
        List<SiteCode>? assigned = sitesNode is null ? [] : sites.References(sitesNode, "'sites'", problems);
        if (installedNode is null && assigned is { Count: > 0 })
        {
            // Only an agent is assigned to sites (docs/RULES.md section 7); a computer without one has none.
            problems.Add(sitesNode!, "'sites': a computer without an agent cannot be assigned to sites; add installed: VERSION, or remove 'sites'");
            assigned = null;
        }

        var travelNode = fields.Optional("travel");
        bool? travel = travelNode is null ? false : ValueReader.Boolean(travelNode, "'travel'", problems);

        if ((installedNode is not null && installed is null) || assigned is null || travel is null)
        {
            return null;
        }

        return new AgentSettings(installed, assigned, travel.Value);
    }
}
