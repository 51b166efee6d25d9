using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Names;

/// <summary>
/// The logon point names a scenario declares, compared without regard to case (a logon point is a
/// Windows share, whose names are case-insensitive); a reference resolves to the declared spelling.
/// </summary>
internal sealed class LogonPointDirectory
{
    private const string Expected = "a logon point name such as DC1";

    private readonly Dictionary<string, (string Name, SourcePosition At)> _declared = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    /// <summary>Reads and declares a logon point's name; reports an empty name and a name declared twice.</summary>
    public string? Declare(YamlNode node, ProblemList problems)
    {
        if (ValueReader.Text(node, "'name'", Expected, problems) is not { } name)
        {
            return null;
        }

        if (_declared.TryGetValue(name, out var first))
        {
            problems.Add(node, $"logon point '{name}' is declared twice (first at {first.At}); logon point names are compared without regard to case");
            return null;
        }

        _declared.Add(name, (name, node.At));
        _names.Add(name);
        return name;
    }

    /// <summary>A reference to a declared logon point, as declared; reports an unknown one.</summary>
    public string? Reference(YamlNode node, string label, ProblemList problems)
    {
        if (ValueReader.Text(node, label, Expected, problems) is not { } name)
        {
            return null;
        }

        if (_declared.TryGetValue(name, out var declared))
        {
            return declared.Name;
        }

        var known = _names.Count == 0 ? "the scenario declares no logon point" : $"the logon points are {NameList.Format(_names)}";
        problems.Add(node, $"{label}: unknown logon point '{name}'; {known}");
        return null;
    }
}
