using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Reading;

/// <summary>
/// The entries of one mapping of a scenario, checked against the keys allowed there: keys that are not
/// names, unknown keys and repeated keys are reported as the mapping is read, and the rest can be
/// looked up by key.
/// </summary>
internal sealed class MappingFields
{
    private readonly Dictionary<string, YamlEntry> _byKey = new(StringComparer.Ordinal);
    private readonly List<YamlEntry> _accepted = [];
    private readonly ProblemList _problems;

    private MappingFields(YamlMapping mapping, string owner, ProblemList problems)
    {
        Mapping = mapping;
        Owner = owner;
        _problems = problems;
    }

    /// <summary>The mapping read.</summary>
    public YamlMapping Mapping { get; }

    /// <summary>What the mapping is, for messages: <c>a site</c>, <c>step 3</c>, <c>the top level</c>.</summary>
    public string Owner { get; }

    /// <summary>The entries with allowed keys, in file order, without repeats.</summary>
    public IReadOnlyList<YamlEntry> Accepted => _accepted;

    /// <summary>Reads a mapping, reporting every key that is not allowed or is given twice.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="owner">What it is, for messages (<c>a site</c>).</param>
    /// <param name="allowed">The keys allowed, in the order the messages list them; case-sensitive.</param>
    /// <param name="problems">Where problems go.</param>
    public static MappingFields Read(YamlMapping mapping, string owner, IReadOnlyList<string> allowed, ProblemList problems)
    {
        var fields = new MappingFields(mapping, owner, problems);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is not YamlScalar { IsNull: false } key)
            {
                problems.Add(entry.Key, $"a key in {owner} must be a name, not {entry.Key.Describe()}");
                continue;
            }

            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                problems.Add(key, UnknownKey(key.Value, owner, allowed));
                continue;
            }

            if (fields._byKey.TryGetValue(key.Value, out var first))
            {
                problems.Add(key, $"'{key.Value}' is given twice in {owner} (first at {first.Key.At}); keep one");
                continue;
            }

            fields._byKey.Add(key.Value, entry);
            fields._accepted.Add(entry);
        }

        return fields;
    }

    /// <summary>Where a key is written, or null when it is absent.</summary>
    public SourcePosition? KeyAt(string key) => _byKey.TryGetValue(key, out var entry) ? entry.Key.At : null;

    /// <summary>The value of a key, even an empty one, or null when the key is absent.</summary>
    public YamlNode? Get(string key) => _byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The value of a key that must be present; reports its absence (an empty value is returned, for the reader to report).</summary>
    /// <param name="key">The key.</param>
    /// <param name="example">An example of the entry, for the message: <c>version: 2.00.1380.1000</c>.</param>
    public YamlNode? Required(string key, string example)
    {
        if (_byKey.TryGetValue(key, out var entry))
        {
            return entry.Value;
        }

        _problems.Add(Mapping, $"{Owner} needs '{key}', for example {example}");
        return null;
    }

    /// <summary>
    /// The value of an optional key, or null when it is absent or empty: an explicit null (as JSON
    /// writes <c>"installed": null</c>) means the same as leaving the key out.
    /// </summary>
    public YamlNode? Optional(string key) =>
        _byKey.TryGetValue(key, out var entry) && entry.Value is not YamlScalar { IsNull: true } ? entry.Value : null;

    private static string UnknownKey(string key, string owner, IReadOnlyList<string> allowed)
    {
        var message = $"unknown key '{key}' in {owner}; allowed: {string.Join(", ", allowed)}";
        var suggestion = KeySuggestion.For(key, allowed);
        if (suggestion is null)
        {
            return message;
        }

        return string.Equals(suggestion, key, StringComparison.OrdinalIgnoreCase)
            ? $"{message} (did you mean '{suggestion}'? keys are case-sensitive)"
            : $"{message} (did you mean '{suggestion}'?)";
    }
}
