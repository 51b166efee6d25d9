using Steward.Policy.Sites;

namespace Steward.Simulation.Loading;

/// <summary>
/// Every limit the scenario loader enforces, in one place. A file that exceeds one
/// is refused with a problem that names the limit, never truncated.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>
    /// The most sites a scenario declares: a client's sites are a <see cref="SiteSet"/>, which holds
    /// at most <see cref="SiteSet.Capacity"/> site indices.
    /// </summary>
    public const int MaxSites = SiteSet.Capacity;

    /// <summary>
    /// The most clients, named and generated together, that one scenario holds: ten times the
    /// million that the compact fleet is built for, and far below what an <see cref="int"/> index can
    /// address, so a runner never has to think about overflow.
    /// </summary>
    public const int MaxClients = 10_000_000;

    /// <summary>
    /// The deepest nesting of lists and mappings accepted. A valid scenario nests four levels; the
    /// limit exists because YamlDotNet's scanner slows down quadratically with depth (200,000 nested
    /// brackets take minutes), so the loader stops reading as soon as the depth is exceeded.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// How many nodes aliases (<c>*name</c>) may add to the document when each alias is counted as a
    /// copy of its anchored node. Reusing a boundary list in a few sites costs a few dozen; the limit
    /// refuses alias bombs ("billion laughs"), whose expansion grows exponentially with file size.
    /// </summary>
    public const int MaxAliasExpansion = 1_000_000;
}
