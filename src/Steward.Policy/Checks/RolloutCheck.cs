using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Checks;

/// <summary>A pilot client as a check sees it: its name, its agent version, and whether it belongs to the rollout's site.</summary>
/// <param name="Name">The client's name.</param>
/// <param name="Installed">Its agent version, or null without an agent.</param>
/// <param name="InSite">True when it is assigned to the site or inside its boundaries.</param>
public sealed record PilotClient(string Name, AgentVersion? Installed, bool InSite);

/// <summary>A rollout someone plans, as a check sees it.</summary>
/// <param name="Id">The rollout's id.</param>
/// <param name="Site">The site's index in the checked table.</param>
/// <param name="To">The version T.</param>
/// <param name="Window">The window, in seconds.</param>
/// <param name="Cycle">The clients' maintenance cycle, in seconds.</param>
/// <param name="HaltFailures">The halt rule's least number of failures.</param>
/// <param name="SiteClients">How many clients the site has.</param>
/// <param name="Pilot">The pilot clients.</param>
public sealed record PlannedRollout(string Id, int Site, AgentVersion To, long Window, long Cycle, int HaltFailures, long SiteClients, IReadOnlyList<PilotClient> Pilot);

/// <summary>
/// Warns about rollouts that cannot finish or will surprise (docs/RULES.md section 4): a pilot that can never
/// succeed by itself, a window shorter than the cycle, a halt rule that can never trigger, and a T that
/// makes a logon point's package a mixed install for another site that shares it.
/// </summary>
public static class RolloutCheck
{
    /// <summary>The warnings for one planned rollout; each names the rollout, what will happen and the fix.</summary>
    public static IReadOnlyList<HierarchyWarning> Run(SiteTable sites, IReadOnlyList<LogonPoint> logonPoints, PlannedRollout rollout)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(logonPoints);
        ArgumentNullException.ThrowIfNull(rollout);
        var warnings = new List<HierarchyWarning>();
        var site = sites[rollout.Site];
        var name = $"Rollout {rollout.Id} of {site.Code}";
        foreach (var pilot in rollout.Pilot)
        {
            if (!pilot.InSite)
            {
                warnings.Add(new(
                    "pilot-outside-site",
                    $"{name} names {pilot.Name} in its pilot, but {pilot.Name} is neither assigned to {site.Code} nor inside its boundaries: it is never served {rollout.To}, so the pilot cannot succeed by itself and the rollout waits in pilot until promoted.",
                    $"Take {pilot.Name} out of the pilot, or pick a pilot client of {site.Code}.",
                    Site: rollout.Site));
            }
            else if (pilot.Installed is { } installed && installed > rollout.To)
            {
                warnings.Add(new(
                    "pilot-already-newer",
                    $"{name} names {pilot.Name} in its pilot, but it already runs {installed}, newer than {rollout.To}: it never runs exactly {rollout.To} (nothing downgrades it), so the pilot cannot succeed by itself.",
                    $"Take {pilot.Name} out of the pilot, or promote the rollout when the other pilot clients have succeeded.",
                    Site: rollout.Site));
            }
        }

        if (rollout.Window < rollout.Cycle)
        {
            warnings.Add(new(
                "window-shorter-than-cycle",
                $"{name} spreads over {Duration.Format(rollout.Window)}, less than the maintenance cycle of {Duration.Format(rollout.Cycle)}: every client's turn comes before its next cycle, so the whole site upgrades within one cycle, as without a rollout, and the halt rule has little time to see failures.",
                $"Give it a window of at least {Duration.Format(rollout.Cycle)}, for example {Duration.Format(rollout.Cycle * 3)}.",
                Site: rollout.Site));
        }

        if (rollout.HaltFailures > rollout.SiteClients)
        {
            warnings.Add(new(
                "halt-never-triggers",
                $"{name} halts at {rollout.HaltFailures} failures, but {site.Code} has {rollout.SiteClients} client{(rollout.SiteClients == 1 ? "" : "s")}: the rate rule can never trigger, and only a failing pilot client halts it.",
                $"Set haltFailures to at most {rollout.SiteClients}, for example {Math.Max(1, rollout.SiteClients / 20)}.",
                Site: rollout.Site));
        }

        for (var p = 0; p < logonPoints.Count; p++)
        {
            var point = logonPoints[p];
            if (!point.Participating.Contains(rollout.Site))
            {
                continue;
            }

            foreach (var other in point.Participating)
            {
                if (other != rollout.Site && sites[other].Line < rollout.To.Line)
                {
                    warnings.Add(new(
                        "rollout-mixed-lines",
                        $"{name} brings {rollout.To} (line {rollout.To.Line}) to a site that shares logon point {point.Name} with {sites[other].Code} ({sites[other].Version}, line {sites[other].Line}): once {site.Code} serves it, the logon point can carry it, and new computers inside only {sites[other].Code} get NoCompatibleSite while its clients are deferred at every logon.",
                        $"Roll {sites[other].Code} out to the same line first, or move {site.Code} or {sites[other].Code} to a logon point of its own.",
                        Site: rollout.Site,
                        LogonPoint: p));
                }
            }
        }

        return warnings;
    }
}
