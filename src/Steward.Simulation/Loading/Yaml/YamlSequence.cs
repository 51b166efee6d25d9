using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Yaml;

/// <summary>A list (YAML sequence, JSON array).</summary>
internal sealed class YamlSequence(SourcePosition at) : YamlNode(at)
{
    /// <summary>The items, in file order.</summary>
    public List<YamlNode> Items { get; } = [];

    /// <inheritdoc/>
    public override string Describe() => "a list";
}
