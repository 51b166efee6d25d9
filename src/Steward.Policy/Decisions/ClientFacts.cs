using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Decisions;

/// <summary>What a decision knows of a computer at the moment it decides.</summary>
/// <param name="Installed">The installed agent version, or null when the computer has no agent.</param>
/// <param name="Sites">The sites it is assigned to, as indices into the decision's <see cref="SiteTable"/>.</param>
/// <param name="Addresses">Its network addresses, as it reports them (any number, any family).</param>
/// <param name="Travel">True when the client is travelling: its maintenance cycle keeps sites whose boundaries do not contain it.</param>
public readonly ref struct ClientFacts(AgentVersion? Installed, SiteSet Sites, ReadOnlySpan<NetworkAddress> Addresses, bool Travel = false)
{
    /// <summary>The installed version, or null for a computer without an agent.</summary>
    public AgentVersion? Installed { get; } = Installed;

    /// <summary>The assigned sites.</summary>
    public SiteSet Sites { get; } = Sites;

    /// <summary>The network addresses.</summary>
    public ReadOnlySpan<NetworkAddress> Addresses { get; } = Addresses;

    /// <summary>The travel flag.</summary>
    public bool Travel { get; } = Travel;
}
