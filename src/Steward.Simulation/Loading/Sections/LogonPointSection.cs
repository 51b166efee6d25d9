using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Sections;

/// <summary>Reads <c>logonPoints</c>: each logon point's name, participating sites and optional senior site.</summary>
internal static class LogonPointSection
{
    private static readonly string[] Keys = ["name", "sites", "senior"];

    /// <summary>Reads the logon points, declaring each name in <paramref name="logonPoints"/>.</summary>
    public static List<ScenarioLogonPoint> Read(YamlNode? node, SiteDirectory sites, LogonPointDirectory logonPoints, ProblemList problems)
    {
        var result = new List<ScenarioLogonPoint>();
        foreach (var (_, entry) in SectionList.Entries(node, "logonPoints", "a logon point with name and sites", problems))
        {
            if (ReadLogonPoint(entry, sites, logonPoints, problems) is { } logonPoint)
            {
                result.Add(logonPoint);
            }
        }

        return result;
    }

    private static ScenarioLogonPoint? ReadLogonPoint(YamlMapping entry, SiteDirectory sites, LogonPointDirectory logonPoints, ProblemList problems)
    {
        var fields = MappingFields.Read(entry, "a logon point", Keys, problems);

        var nameNode = fields.Required("name", "name: DC1");
        var name = nameNode is null ? null : logonPoints.Declare(nameNode, problems);

        var sitesNode = fields.Required("sites", "sites: [A01, B01]");
        var participating = sitesNode is null ? null : sites.References(sitesNode, "'sites'", problems);
        if (participating is { Count: 0 })
        {
            problems.Add(sitesNode!, "'sites' is empty; a logon point needs at least one participating site");
            participating = null;
        }

        var seniorNode = fields.Optional("senior");
        var senior = seniorNode is null ? null : sites.Reference(seniorNode, "'senior'", problems);
        if (senior is { } named && participating is not null && !participating.Contains(named))
        {
            problems.Add(seniorNode!, $"'senior': {named} is not one of this logon point's sites ({string.Join(", ", participating)}); the senior site must be a participating site");
            senior = null;
        }

        if (name is null || participating is null || (seniorNode is not null && senior is null))
        {
            return null;
        }

        return new ScenarioLogonPoint(name, participating, senior, entry.At);
    }
}
