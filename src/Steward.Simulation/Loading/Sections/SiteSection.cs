using Steward.Policy.Boundaries;
using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Sections;

/// <summary>Reads <c>sites</c>: each site's code, optional name, version and boundaries.</summary>
internal static class SiteSection
{
    private static readonly string[] Keys = ["code", "name", "version", "boundaries"];

    /// <summary>Reads the sites, declaring each valid code in <paramref name="directory"/>.</summary>
    /// <param name="node">The section's value; null when the key is absent (already reported).</param>
    /// <param name="at">Where the <c>sites</c> key is, for a section with no site.</param>
    /// <param name="directory">Where site codes are declared.</param>
    /// <param name="problems">Where problems go.</param>
    public static List<ScenarioSite> Read(YamlNode? node, SourcePosition at, SiteDirectory directory, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true } or YamlSequence { Items.Count: 0 })
        {
            problems.Add(at, "'sites' is empty; a scenario needs at least one site, for example - {code: A01, version: 2.00.1380.1000, boundaries: [10.1.0.0/16]}");
        }

        var sites = new List<ScenarioSite>();
        foreach (var (index, entry) in SectionList.Entries(node, "sites", "a site with code, version and boundaries", problems))
        {
            if (index == ScenarioLimits.MaxSites)
            {
                problems.Add(entry, $"too many sites: a scenario holds at most {ScenarioLimits.MaxSites} sites (the capacity of a site set), and this is site {index + 1}");
            }

            if (ReadSite(entry, directory, problems) is { } site)
            {
                sites.Add(site);
            }
        }

        return sites;
    }

    private static ScenarioSite? ReadSite(YamlMapping entry, SiteDirectory directory, ProblemList problems)
    {
        var fields = MappingFields.Read(entry, "a site", Keys, problems);

        var codeNode = fields.Required("code", "code: A01");
        var code = codeNode is null ? null : SiteDirectory.Parse(codeNode, "'code'", problems);
        if (code is { } declared && !directory.TryDeclare(declared, codeNode!.At, out var first))
        {
            problems.Add(codeNode, $"site {declared} is declared twice (first at {first}); site codes are compared without regard to case");
            code = null;
        }

        var nameNode = fields.Optional("name");
        var name = nameNode is null ? null : ValueReader.Text(nameNode, "'name'", "a site name such as Headquarters", problems);

        var versionNode = fields.Required("version", "version: 2.00.1380.1000");
        var version = versionNode is null ? null : ValueReader.Version(versionNode, "'version'", problems);

        var boundariesNode = fields.Optional("boundaries");
        List<Boundary>? boundaries = boundariesNode is null
            ? []
            : ValueReader.ListOf(boundariesNode, "'boundaries'", "boundaries such as [10.1.0.0/16, 10.3.0.10-10.3.0.200]", b => ValueReader.Boundary(b, "'boundaries'", problems), problems);

        if (code is null || version is null || boundaries is null || (nameNode is not null && name is null))
        {
            return null;
        }

        return new ScenarioSite(code.Value, name, version.Value, boundaries, entry.At);
    }
}
