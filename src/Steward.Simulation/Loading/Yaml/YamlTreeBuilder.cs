using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Steward.Simulation.Loading.Yaml;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's parsing events, without recursion (so that
/// no nesting can overflow the stack), resolving aliases to the anchored node.
/// </summary>
/// <remarks>
/// Stops, with one problem, at a second document, an unknown or recursive alias, nesting deeper than
/// <see cref="ScenarioLimits.MaxDepth"/>, or aliases that expand beyond
/// <see cref="ScenarioLimits.MaxAliasExpansion"/> nodes: past any of these the tree means nothing.
/// </remarks>
internal sealed class YamlTreeBuilder(ProblemList problems)
{
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly Stack<Frame> _open = new();
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private long _aliasExpansion;
    private int _documents;

    /// <summary>The document's root, once read; null for a file with no document.</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>Takes the next event; false when reading must stop (a problem was reported).</summary>
    public bool Accept(ParsingEvent parsingEvent) => parsingEvent switch
    {
        DocumentStart start => StartDocument(start),
        Scalar scalar => Attach(new YamlScalar(PositionOf(scalar.Start), scalar.Value, IsPlain(scalar)), scalar.Anchor),
        SequenceStart sequence => Open(new YamlSequence(PositionOf(sequence.Start)), sequence.Anchor),
        MappingStart mapping => Open(new YamlMapping(PositionOf(mapping.Start)), mapping.Anchor),
        SequenceEnd or MappingEnd => Close(),
        AnchorAlias alias => Alias(alias),
        _ => true,
    };

    /// <summary>A YamlDotNet mark as a position (lines and columns from 1, as YamlDotNet counts them).</summary>
    public static SourcePosition PositionOf(Mark mark) =>
        new((int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    // Only an untagged plain scalar may be a number, boolean or null; "!!str 5" and "! 5" are strings.
    private static bool IsPlain(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || (!scalar.Tag.IsNonSpecific && scalar.Tag.Value != StringTag));

    private bool StartDocument(DocumentStart start)
    {
        if (++_documents == 1)
        {
            return true;
        }

        problems.Add(PositionOf(start.Start), "a scenario file holds one YAML document; a second one starts here (after '---' or '...'); remove it or split the file");
        return false;
    }

    private bool Open(YamlNode node, AnchorName anchor)
    {
        if (_open.Count == ScenarioLimits.MaxDepth)
        {
            problems.Add(node, $"lists and mappings are nested more than {ScenarioLimits.MaxDepth} deep here; a scenario nests four levels");
            return false;
        }

        if (!Attach(node, anchor))
        {
            return false;
        }

        _open.Push(new Frame(node));
        return true;
    }

    private bool Close()
    {
        var frame = _open.Pop();
        var node = frame.Node;
        node.Size = 1 + (node switch
        {
            YamlSequence sequence => sequence.Items.Sum(item => item.Size),
            YamlMapping mapping => mapping.Entries.Sum(entry => entry.Key.Size + entry.Value.Size),
            _ => 0,
        });
        node.IsComplete = true;
        return true;
    }

    private bool Alias(AnchorAlias alias)
    {
        var at = PositionOf(alias.Start);
        var name = alias.Value.Value;
        if (!_anchors.TryGetValue(name, out var target))
        {
            problems.Add(at, $"unknown alias '*{name}'; an alias refers to an anchor '&{name}' written before it");
            return false;
        }

        if (!target.IsComplete)
        {
            problems.Add(at, $"alias '*{name}' refers to a list or mapping that contains it; a scenario cannot refer to itself");
            return false;
        }

        _aliasExpansion += target.Size;
        if (_aliasExpansion > ScenarioLimits.MaxAliasExpansion)
        {
            problems.Add(at, $"aliases expand the file to more than {ScenarioLimits.MaxAliasExpansion:N0} nodes; write the values out or use fewer nested aliases");
            return false;
        }

        return Attach(target, AnchorName.Empty);
    }

    private bool Attach(YamlNode node, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        if (_open.Count == 0)
        {
            Root = node;
            return true;
        }

        var parent = _open.Peek();
        switch (parent.Node)
        {
            case YamlSequence sequence:
                sequence.Items.Add(node);
                break;
            case YamlMapping mapping when parent.PendingKey is null:
                parent.PendingKey = node;
                break;
            case YamlMapping mapping:
                mapping.Entries.Add(new YamlEntry(parent.PendingKey, node));
                parent.PendingKey = null;
                break;
        }

        return true;
    }

    // A list or mapping being read; a mapping holds its key until the value arrives.
    private sealed class Frame(YamlNode node)
    {
        public YamlNode Node { get; } = node;

        public YamlNode? PendingKey { get; set; }
    }
}
