using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Yaml;

/// <summary>A mapping (JSON object): its entries in file order, duplicates kept so that they can be reported.</summary>
internal sealed class YamlMapping(SourcePosition at) : YamlNode(at)
{
    /// <summary>The entries, in file order.</summary>
    public List<YamlEntry> Entries { get; } = [];

    /// <inheritdoc/>
    public override string Describe() => "a mapping";
}
