using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Simulation.Running;

/// <summary>The clients assigned to one site at the end of a run, per installed version.</summary>
/// <param name="Code">The site.</param>
/// <param name="SiteVersion">The version the site serves at the end of the run.</param>
/// <param name="Clients">The assigned clients per installed version: no agent first, then versions ascending; no count is zero.</param>
public sealed record SiteSummary(SiteCode Code, AgentVersion SiteVersion, IReadOnlyList<VersionCount> Clients)
{
    /// <summary>All clients assigned to the site.</summary>
    public long Total => Clients.Sum(c => c.Count);
}
