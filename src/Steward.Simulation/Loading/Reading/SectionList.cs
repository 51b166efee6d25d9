using Steward.Simulation.Loading.Yaml;

namespace Steward.Simulation.Loading.Reading;

/// <summary>Reads a top-level section: a list whose entries are mappings (sites, clients, steps...).</summary>
internal static class SectionList
{
    /// <summary>
    /// The mapping entries of a section with their index in the list; reports a section that is not a
    /// list and every entry that is not a mapping. Indices count every entry, so that step numbers follow
    /// the file even when an entry is wrong.
    /// </summary>
    /// <param name="node">The section's value, or null when the section is absent or empty.</param>
    /// <param name="section">The section's key.</param>
    /// <param name="entry">What one entry is, with an example, for messages: <c>a site (code, version, boundaries)</c>.</param>
    /// <param name="problems">Where problems go.</param>
    public static IEnumerable<(int Index, YamlMapping Entry)> Entries(YamlNode? node, string section, string entry, ProblemList problems)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                yield break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (sequence.Items[i] is YamlMapping mapping)
                    {
                        yield return (i, mapping);
                    }
                    else
                    {
                        problems.Add(sequence.Items[i], $"each entry of '{section}' must be {entry}, not {sequence.Items[i].Describe()}");
                    }
                }

                break;
            default:
                problems.Add(node, $"'{section}' must be a list, each entry {entry}; found {node.Describe()}");
                break;
        }
    }
}
