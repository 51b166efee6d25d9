using Steward.Policy.Sites;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Names;

/// <summary>
/// The site codes a scenario declares, and the check of every reference to one.
/// </summary>
/// <remarks>
/// A site is declared as soon as its code is valid, even when its version or boundaries are wrong:
/// those are reported where they are, and references to the site should not add a second,
/// misleading "unknown site" problem.
/// </remarks>
internal sealed class SiteDirectory
{
    private const string Expected = "a site code such as A01";

    private readonly Dictionary<SiteCode, SourcePosition> _declared = [];
    private readonly List<string> _codes = [];

    /// <summary>Declares a site code; false, with where it was first declared, when it already was.</summary>
    public bool TryDeclare(SiteCode code, SourcePosition at, out SourcePosition first)
    {
        if (_declared.TryGetValue(code, out first))
        {
            return false;
        }

        _declared.Add(code, at);
        _codes.Add(code.ToString());
        return true;
    }

    /// <summary>Parses a site code without looking it up (for the declaration itself).</summary>
    public static SiteCode? Parse(YamlNode node, string label, ProblemList problems)
    {
        if (ValueReader.Text(node, label, Expected, problems) is not { } text)
        {
            return null;
        }

        var code = SiteCode.Parse(text);
        if (!code.Success)
        {
            problems.Add(node, $"{label}: {code.Error}");
            return null;
        }

        return code.Value;
    }

    /// <summary>A reference to a declared site; reports a bad code and an unknown site.</summary>
    public SiteCode? Reference(YamlNode node, string label, ProblemList problems)
    {
        if (Parse(node, label, problems) is not { } code)
        {
            return null;
        }

        if (!_declared.ContainsKey(code))
        {
            var known = _codes.Count == 0 ? "the scenario declares no site" : $"the sites are {NameList.Format(_codes)}";
            problems.Add(node, $"{label}: unknown site '{((YamlScalar)node).Value}'; {known}");
            return null;
        }

        return code;
    }

    /// <summary>
    /// A list of references to declared sites; reports each bad or unknown one, and a site listed twice
    /// (harmless for the rules, but almost always a typo for another site).
    /// </summary>
    public List<SiteCode>? References(YamlNode node, string label, ProblemList problems)
    {
        var seen = new HashSet<SiteCode>();
        return ValueReader.ListOf<SiteCode>(node, label, "site codes such as [A01, B01]", item =>
        {
            if (Reference(item, label, problems) is not { } code)
            {
                return null;
            }

            if (!seen.Add(code))
            {
                problems.Add(item, $"{label}: site {code} is listed twice");
                return null;
            }

            return code;
        }, problems);
    }
}
