using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Rollouts;

/// <summary>
/// What a rollback leaves behind: the site's clients that run <see cref="From"/> go down to what their
/// sites serve at their next maintenance cycle. It stands until the site's next rollout or <c>siteVersion</c>.
/// </summary>
/// <param name="Site">The site the order is for.</param>
/// <param name="From">The version clients are taken down from: the rolled-back rollout's T.</param>
/// <param name="RolloutId">The rollout that was rolled back, for reasons.</param>
public sealed record DowngradeOrder(SiteCode Site, AgentVersion From, string RolloutId);
