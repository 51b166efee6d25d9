using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Yaml;

/// <summary>
/// A node of the loader's own YAML tree: a scalar, a list or a mapping, with where it starts.
/// </summary>
/// <remarks>
/// YamlDotNet's representation model throws on a duplicate key and loses key order in lookups; the
/// loader needs both (every duplicate is a problem to report, with its position), so it builds this
/// small tree from the parser's events instead.
/// </remarks>
internal abstract class YamlNode
{
    protected YamlNode(SourcePosition at) => At = at;

    /// <summary>Where the node starts in the file.</summary>
    public SourcePosition At { get; }

    /// <summary>
    /// The number of nodes in this subtree, counting an aliased subtree again at every alias; used only
    /// while the tree is built, to refuse alias bombs.
    /// </summary>
    public long Size { get; set; } = 1;

    /// <summary>False while the node's children are still being read: an alias to it would be a cycle.</summary>
    public bool IsComplete { get; set; }

    /// <summary>How the node reads in a message: <c>a list</c>, <c>a mapping</c>, <c>'text'</c>, <c>nothing</c>.</summary>
    public abstract string Describe();
}
