using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Rollouts;

/// <summary>
/// The package a logon point hands out while rollouts of its sites are active (docs/RULES.md section 4): its senior
/// site is found with the versions served to the computer at hand, so a computer that a rollout serves T may get
/// another package than one served F. An administrator's view shows both.
/// </summary>
public static class LogonPointPackages
{
    /// <summary>
    /// The version of the package <paramref name="point"/> hands out to a computer that every active rollout of
    /// <paramref name="rollouts"/> serves its T; null when no site participates.
    /// </summary>
    public static AgentVersion? WhenServedT(SiteTable sites, in LogonPoint point, IEnumerable<Rollout> rollouts)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(rollouts);
        var served = sites;
        foreach (var rollout in rollouts)
        {
            var index = sites.IndexOf(rollout.Site);
            if (rollout.IsActive && index >= 0 && point.Participating.Contains(index))
            {
                served = served.WithVersion(index, rollout.To);
            }
        }

        var senior = point.SeniorSite(served);
        return senior < 0 ? null : served[senior].Version;
    }
}
