using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Names;

/// <summary>
/// The client names of a scenario: the named clients and the names that generate blocks make.
/// Names are compared without regard to case, as Windows compares computer names, and a reference
/// resolves to the declared spelling (for a generated client, the block's prefix as written followed
/// by the number), so that code after the loader can compare names ordinally.
/// </summary>
internal sealed class ClientDirectory
{
    private const string Expected = "a client name such as PC-OLD";

    private readonly Dictionary<string, (string Name, SourcePosition At)> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, SourcePosition At)> _namedInOrder = [];
    private readonly List<NameRange> _ranges = [];
    private readonly List<string> _incompletePrefixes = [];
    private bool _blockWithoutPrefix;

    /// <summary>Reads and declares a named client's name; reports an empty name and a name declared twice.</summary>
    public string? Declare(YamlNode node, ProblemList problems)
    {
        if (ValueReader.Text(node, "'name'", Expected, problems) is not { } name)
        {
            return null;
        }

        if (!_named.TryAdd(name, (name, node.At)))
        {
            problems.Add(node, $"client '{name}' is declared twice (first at {_named[name].At}); client names are compared without regard to case");
            return null;
        }

        _namedInOrder.Add((name, node.At));
        return name;
    }

    /// <summary>Declares the names of a valid generate block.</summary>
    public void Declare(NameRange range) => _ranges.Add(range);

    /// <summary>
    /// Notes a generate block whose prefix or count is wrong (already reported). References that might
    /// be its names are then not reported as unknown: that would be a second, misleading problem.
    /// </summary>
    public void DeclareIncomplete(string? prefix)
    {
        if (prefix is null)
        {
            _blockWithoutPrefix = true;
        }
        else
        {
            _incompletePrefixes.Add(prefix);
        }
    }

    /// <summary>
    /// Reports every named client whose name a generate block also makes, and every generate block
    /// that makes a name an earlier block makes too.
    /// </summary>
    public void CheckGeneratedNames(ProblemList problems)
    {
        foreach (var (name, at) in _namedInOrder)
        {
            foreach (var range in _ranges)
            {
                if (range.TryIndexOf(name, out var index))
                {
                    problems.Add(at, $"client '{name}' has the name of generated client {range.NameOf(index)} (the generate block at {range.Block} makes {range.Span}); rename the client or change the block's prefix");
                }
            }
        }

        for (var later = 1; later < _ranges.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (_ranges[later].FirstCommonName(_ranges[earlier]) is { } common)
                {
                    problems.Add(_ranges[later].PrefixAt, $"this generate block makes names that the generate block at {_ranges[earlier].Block} makes too, such as {common}; give the blocks prefixes that cannot produce the same name");
                }
            }
        }
    }

    /// <summary>A reference to a named or generated client, in its declared spelling; reports an unknown one.</summary>
    public string? Reference(YamlNode node, string label, ProblemList problems)
    {
        if (ValueReader.Text(node, label, Expected, problems) is not { } name)
        {
            return null;
        }

        if (_named.TryGetValue(name, out var named))
        {
            return named.Name;
        }

        foreach (var range in _ranges)
        {
            if (range.TryIndexOf(name, out var index))
            {
                return range.NameOf(index);
            }
        }

        if (_blockWithoutPrefix || _incompletePrefixes.Exists(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var near = _ranges.FindAll(r => name.StartsWith(r.Prefix, StringComparison.OrdinalIgnoreCase));
        var hint = near.Count == 0
            ? "no client has this name and no generate block makes it"
            : string.Join("; ", near.Select(r => $"the generate block at {r.Block} makes {r.Span}"));
        problems.Add(node, $"{label}: unknown client '{name}'; {hint}");
        return null;
    }
}
