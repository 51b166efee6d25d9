using System.Globalization;
using System.Text;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Decisions;

/// <summary>Turns a <see cref="Reason"/> into sentences. Only called when someone reads the reason.</summary>
internal static class ReasonText
{
    public static string Render(in Reason r, SiteTable sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var text = new StringBuilder(256);
        var installed = r.Installed?.ToString() ?? "no agent";
        var offered = r.Offered?.ToString() ?? "no package";
        var source = r.OfferedBy >= 0 ? sites[r.OfferedBy].Code.ToString() : "none";
        var where = r.Trigger == Trigger.ManualInstall ? "Manual install at logon point" : "Logon at logon point";
        switch (r.Outcome)
        {
            case Outcome.NotInBoundaries when r.Installed is null:
                text.Append($"{where} {r.LogonPoint}: no participating site ({sites.Format(r.Considered)}) has boundaries that contain the computer's addresses, so nothing was installed.");
                break;
            case Outcome.NotInBoundaries:
                text.Append($"{where} {r.LogonPoint}: the client is neither assigned to nor inside the boundaries of any participating site ({sites.Format(r.Considered)}); a logon point does not patch a computer it does not manage, so nothing changed.");
                break;
            case Outcome.NoCompatibleSite:
                text.Append($"{where} {r.LogonPoint}: the computer is inside the boundaries of {WithLines(sites, r, r.Considered, null)}, but the logon point carries {offered} (senior site {source}, line {r.Offered?.Line}), and a new client is never assigned to a site older than its agent; nothing was installed.");
                break;
            case Outcome.Installed:
                text.Append($"{where} {r.LogonPoint}: installed {offered}, the package of senior site {source}, and assigned the computer to {sites.Format(r.Added)}.");
                AppendRefused(text, sites, r);
                break;
            case Outcome.UpToDate when r.Trigger != Trigger.Maintenance:
                text.Append($"{where} {r.LogonPoint}: the installed version {installed} is the logon point's package (senior site {source}).");
                AppendLogonAssignment(text, sites, r);
                break;
            case Outcome.ClientNewer when r.Trigger != Trigger.Maintenance:
                text.Append($"{where} {r.LogonPoint}: the installed version {installed} is newer than the logon point's package {offered} (senior site {source}); nothing is downgraded.");
                AppendLogonAssignment(text, sites, r);
                break;
            case Outcome.HotfixApplied:
                text.Append($"{where} {r.LogonPoint}: {offered}, the package of senior site {source}, is a hotfix of the installed {installed} (both on line {r.Offered?.Line}), so the logon point applied it.");
                AppendLogonAssignment(text, sites, r);
                break;
            case Outcome.DeferredToMaintenance:
                text.Append($"{where} {r.LogonPoint}: {offered}, the package of senior site {source}, is a significant upgrade of the installed {installed} (line {r.Installed?.Line} to {r.Offered?.Line}); a significant upgrade comes only through the maintenance cycle from an access point, so the bootstrap quit without copying or running anything.");
                AppendServing(text, sites, r);
                AppendLogonAssignment(text, sites, r);
                break;
            case Outcome.NotInstalled:
                text.Append("The computer has no agent, so it has no maintenance cycle.");
                break;
            case Outcome.NotAssigned:
                text.Append($"The agent {installed} is assigned to no site, so the maintenance cycle has nothing to read; a logon point can assign it.");
                break;
            case Outcome.Unassigned:
                text.Append($"Maintenance cycle: the client's addresses are no longer inside the boundaries of {sites.Format(r.DroppedOutside)}, so it was dropped from {(r.DroppedOutside.Count == 1 ? "it" : "them")} and has no site left. The agent {installed} stays installed and a logon point can assign it again.");
                break;
            case Outcome.Upgraded:
                text.Append($"Maintenance cycle: site {source} serves {offered}{InRollout(r, sites)}, {UpgradeKindText(r)} of the installed {installed}, so the access point upgraded the client.");
                AppendMaintenanceSites(text, sites, r);
                break;
            case Outcome.UpgradeFailed:
                text.Append($"Maintenance cycle: site {source} serves {offered}{InRollout(r, sites)}, {UpgradeKindText(r)} of the installed {installed}, but the upgrade failed: the client keeps {installed} and the sites it had.");
                AppendMaintenanceSites(text, sites, r);
                break;
            case Outcome.Scheduled:
                text.Append($"Maintenance cycle: the client's sites serve it nothing newer than the installed {installed} yet (newest: {offered} at site {source}); ");
                AppendWaiting(text, sites, r);
                AppendMaintenanceSites(text, sites, r);
                break;
            case Outcome.Downgraded:
                AppendDowngrade(text, sites, r, source);
                AppendMaintenanceSites(text, sites, r);
                break;
            case Outcome.UpToDate:
                text.Append($"Maintenance cycle: the installed version {installed} is the newest version the client's sites serve (site {source}).");
                AppendMaintenanceSites(text, sites, r);
                break;
            case Outcome.ClientNewer:
                text.Append($"Maintenance cycle: the installed version {installed} is newer than any version the client's sites serve (newest: {offered} at site {source}); nothing is downgraded.");
                AppendMaintenanceSites(text, sites, r);
                break;
            default:
                text.Append(r.Outcome.ToString());
                break;
        }

        return text.ToString();
    }

    // Each site with the line it serves to the client as it is (or will be) after the decision.
    private static string WithLines(SiteTable sites, in Reason r, SiteSet set, AgentVersion? clientVersion)
    {
        var served = new ServedSites(sites, r.Plan, r.Open);
        var servingT = served.ServingT(clientVersion);
        var text = new StringBuilder();
        foreach (var i in set)
        {
            text.Append(text.Length == 0 ? "" : ", ").Append($"{sites[i].Code} (line {served.VersionOf(i, servingT).Line})");
        }

        return text.Length == 0 ? "none" : text.ToString();
    }

    // R1 asks what the sites serve to a computer without an agent; R2 what they serve to the agent after the step.
    private static AgentVersion? AgentVersionAfter(in Reason r) =>
        r.Installed is null ? null : r.Outcome == Outcome.HotfixApplied ? r.Offered : r.Installed;

    private static void AppendRefused(StringBuilder text, SiteTable sites, in Reason r)
    {
        if (!r.Refused.IsEmpty)
        {
            text.Append($" Not assigned to {WithLines(sites, r, r.Refused, AgentVersionAfter(r))}: older than the agent's line {AgentLine(r)}, which would make a mixed install.");
        }
    }

    private static void AppendLogonAssignment(StringBuilder text, SiteTable sites, in Reason r)
    {
        if (!r.Added.IsEmpty)
        {
            text.Append($" Also assigned to {sites.Format(r.Added)}, whose boundaries contain it and whose line can manage its agent.");
        }

        AppendRefused(text, sites, r);
    }

    private static void AppendServing(StringBuilder text, SiteTable sites, in Reason r)
    {
        if (r.Serving.IsEmpty)
        {
            text.Append(" None of the client's sites serves a significant upgrade yet; it stays at its version until one does.");
            return;
        }

        var newest = sites.Newest(r.Serving);
        var plural = r.Serving.Count == 1 ? "site" : "sites";
        text.Append($" The client's {plural} {sites.Format(r.Serving)} already serve{(r.Serving.Count == 1 ? "s" : "")} a significant upgrade ({sites[newest].Version} at {sites[newest].Code}): the next maintenance cycle will upgrade it.");
    }

    private static void AppendMaintenanceSites(StringBuilder text, SiteTable sites, in Reason r)
    {
        if (!r.DroppedOutside.IsEmpty)
        {
            text.Append($" Dropped {sites.Format(r.DroppedOutside)}: {(r.DroppedOutside.Count == 1 ? "its" : "their")} boundaries no longer contain the client.");
        }

        if (!r.Kept.IsEmpty)
        {
            text.Append(r.Travelling
                ? $" Kept {sites.Format(r.Kept)} although their boundaries do not contain the client, because it is travelling."
                : $" Kept {sites.Format(r.Kept)}: their boundaries could not be read, and missing data is never a reason to remove anything.");
        }

        if (!r.DroppedIncompatible.IsEmpty)
        {
            text.Append($" Dropped {WithLines(sites, r, r.DroppedIncompatible, r.Offered)} after the upgrade: older than the new line {r.Offered?.Line}, {(r.DroppedIncompatible.Count == 1 ? "it cannot" : "they cannot")} manage the agent.");
        }
    }

    private static string UpgradeKindText(in Reason r) =>
        r.Offered!.Value.IsSignificantlyNewerThan(r.Installed!.Value) ? $"a significant upgrade (line {r.Installed?.Line} to {r.Offered?.Line})" : $"a hotfix (line {r.Offered?.Line})";

    // " to this client in rollout sp2" when the offering site serves the version through its rollout rather than as its own.
    private static string InRollout(in Reason r, SiteTable sites)
    {
        if (r.Plan?.RolloutOf(r.OfferedBy) is { } rollout && r.Offered == rollout.To && sites[r.OfferedBy].Version != rollout.To)
        {
            return $" to this client in rollout {rollout.Id}";
        }

        return "";
    }

    private static void AppendWaiting(StringBuilder text, SiteTable sites, in Reason r)
    {
        var rollout = r.Plan!.RolloutOf(r.RolloutSite)!;
        var site = sites[r.RolloutSite].Code;
        switch (rollout.State)
        {
            case RolloutState.Spreading:
                text.Append($"it waits for its turn at {Moments.Format(r.Turn, r.Plan.Style)} in rollout {rollout.Id} of {site}, which will upgrade it to {rollout.To}; nothing changed.");
                break;
            case RolloutState.Pilot:
                text.Append($"rollout {rollout.Id} of {site} will upgrade it to {rollout.To}, but it waits for the pilot to succeed (or for a promote); nothing changed.");
                break;
            default:
                text.Append($"rollout {rollout.Id} of {site} would upgrade it to {rollout.To}, but it is halted: {rollout.HaltReason}; nothing changed until it resumes.");
                break;
        }
    }

    private static void AppendDowngrade(StringBuilder text, SiteTable sites, in Reason r, string source)
    {
        var order = r.Plan!.OrderOf(r.RolloutSite)!;
        text.Append(CultureInfo.InvariantCulture, $"Maintenance cycle: rollout {order.RolloutId} of {sites[r.RolloutSite].Code} was rolled back, and its downgrade order takes clients down from {order.From}; no site of the client serves {order.From} or newer, so the access point downgraded the client from {r.Installed} to {r.Offered}, the newest version its sites serve (site {source}).");
    }

    private static ReleaseLine? AgentLine(in Reason r) =>
        r.Outcome is Outcome.Installed or Outcome.HotfixApplied ? r.Offered?.Line : r.Installed?.Line;
}
