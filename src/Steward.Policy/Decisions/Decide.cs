using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Decisions;

/// <summary>
/// The three decisions of SPEC section 3: logon bootstrap and manual install (R1, R2) and the
/// maintenance cycle (R3). Pure functions of their facts; each returns one <see cref="Decision"/>
/// and allocates nothing.
/// </summary>
/// <remarks>
/// The rules guarantee the invariants of R4 by construction: an assignment is only ever added to a
/// site compatible with the version the client has after the step (I1); a logon point applies at
/// most a hotfix (I2); no branch yields a version older than the installed one (I3).
/// </remarks>
public static class Decide
{
    /// <summary>A user logged on and the logon bootstrap asked <paramref name="point"/> what to do (R1, R2).</summary>
    public static Decision Logon(SiteTable sites, in LogonPoint point, in ClientFacts client) =>
        AtLogonPoint(Trigger.Logon, sites, point, client);

    /// <summary>A person started an installation through <paramref name="point"/>: the same rules as logon (R1, R2).</summary>
    public static Decision ManualInstall(SiteTable sites, in LogonPoint point, in ClientFacts client) =>
        AtLogonPoint(Trigger.ManualInstall, sites, point, client);

    /// <summary>The client's maintenance cycle at the access points of its sites (R3).</summary>
    public static Decision Maintenance(SiteTable sites, in ClientFacts client)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (client.Installed is not { } installed)
        {
            return Maintained(Outcome.NotInstalled, null, client, client.Sites, default, default, null, -1, default);
        }

        if (client.Sites.IsEmpty)
        {
            return Maintained(Outcome.NotAssigned, installed, client, client.Sites, default, default, null, -1, default);
        }

        // Step 1: drop the sites whose boundaries no longer contain the client, unless it travels.
        // A site whose boundaries could not be read is kept: missing data never removes anything.
        var assigned = client.Sites;
        var outside = assigned - sites.Containing(assigned, client.Addresses);
        var dropped = SiteSet.Empty;
        if (!client.Travel)
        {
            foreach (var i in outside)
            {
                if (sites[i].BoundariesKnown)
                {
                    dropped = dropped.With(i);
                }
            }
        }

        var kept = outside - dropped;
        var remaining = assigned - dropped;
        if (remaining.IsEmpty)
        {
            return Maintained(Outcome.Unassigned, installed, client, remaining, dropped, kept, null, -1, default);
        }

        // Step 2: the target is the newest version among the sites still assigned.
        var newest = sites.Newest(remaining);
        var target = sites[newest].Version;
        if (target <= installed)
        {
            var outcome = target == installed ? Outcome.UpToDate : Outcome.ClientNewer;
            return Maintained(outcome, installed, client, remaining, dropped, kept, target, newest, default);
        }

        // Step 3: after the upgrade, sites that cannot manage the new version are dropped.
        var compatible = sites.CompatibleWith(remaining, target);
        var kind = target.IsSignificantlyNewerThan(installed) ? UpgradeKind.Significant : UpgradeKind.Hotfix;
        return Maintained(Outcome.Upgraded, target, client, compatible, dropped, kept, target, newest, remaining - compatible, kind);
    }

    private static Decision Maintained(
        Outcome outcome, AgentVersion? after, in ClientFacts client, SiteSet sitesAfter, SiteSet dropped, SiteSet kept, AgentVersion? offered, int offeredBy, SiteSet incompatible, UpgradeKind kind = UpgradeKind.None)
    {
        var reason = new Reason
        {
            Trigger = Trigger.Maintenance,
            Outcome = outcome,
            Installed = client.Installed,
            Offered = offered,
            OfferedBy = offeredBy,
            DroppedOutside = dropped,
            DroppedIncompatible = incompatible,
            Kept = kept,
            Travelling = client.Travel,
        };
        return new Decision(outcome, after, sitesAfter, kind, reason);
    }

    private static Decision AtLogonPoint(Trigger trigger, SiteTable sites, in LogonPoint point, in ClientFacts client)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var senior = point.SeniorSite(sites);
        var inside = sites.Containing(point.Participating, client.Addresses);
        var facts = new LogonFacts(trigger, point.Name, senior, senior >= 0 ? sites[senior].Version : default, client.Installed);

        // R1 and R2 both answer NotInBoundaries to a computer the logon point does not manage.
        if (senior < 0 || (inside.IsEmpty && (client.Installed is null || (client.Sites & point.Participating).IsEmpty)))
        {
            return facts.Decision(Outcome.NotInBoundaries, client.Installed, client.Sites, UpgradeKind.None, point.Participating, default, default, default);
        }

        return client.Installed is { } installed
            ? WithAgent(sites, facts, client, installed, inside)
            : WithoutAgent(sites, facts, client, inside);
    }

    // R1: a computer without an agent gets the package only with a compatible candidate site.
    private static Decision WithoutAgent(SiteTable sites, in LogonFacts facts, in ClientFacts client, SiteSet candidates)
    {
        var compatible = sites.CompatibleWith(candidates, facts.Package);
        var refused = candidates - compatible;
        if (compatible.IsEmpty)
        {
            return facts.Decision(Outcome.NoCompatibleSite, null, client.Sites, UpgradeKind.None, candidates, default, refused, default);
        }

        var after = client.Sites | compatible;
        return facts.Decision(Outcome.Installed, facts.Package, after, UpgradeKind.None, candidates, after - client.Sites, refused, default);
    }

    // R2: a computer with an agent gets at most a hotfix from a logon point.
    private static Decision WithAgent(SiteTable sites, in LogonFacts facts, in ClientFacts client, AgentVersion installed, SiteSet inside)
    {
        var package = facts.Package;
        Outcome outcome;
        var after = installed;
        var kind = UpgradeKind.None;
        if (package == installed)
        {
            outcome = Outcome.UpToDate;
        }
        else if (package < installed)
        {
            outcome = Outcome.ClientNewer;
        }
        else if (package.IsHotfixOf(installed))
        {
            (outcome, after, kind) = (Outcome.HotfixApplied, package, UpgradeKind.Hotfix);
        }
        else
        {
            outcome = Outcome.DeferredToMaintenance;
        }

        // Multiple-site assignment: every containing participating site that can manage the version after this step.
        var compatible = sites.CompatibleWith(inside, after);
        var sitesAfter = client.Sites | compatible;
        var serving = outcome == Outcome.DeferredToMaintenance ? ServingSignificantUpgrade(sites, sitesAfter, installed) : default;
        return facts.Decision(outcome, after, sitesAfter, kind, inside, sitesAfter - client.Sites, inside - compatible - client.Sites, serving);
    }

    private static SiteSet ServingSignificantUpgrade(SiteTable sites, SiteSet assigned, AgentVersion installed)
    {
        var serving = SiteSet.Empty;
        foreach (var i in assigned)
        {
            if (sites[i].Version.IsSignificantlyNewerThan(installed))
            {
                serving = serving.With(i);
            }
        }

        return serving;
    }

    private readonly record struct LogonFacts(Trigger Trigger, string Name, int Senior, AgentVersion Package, AgentVersion? Installed)
    {
        public Decision Decision(
            Outcome outcome, AgentVersion? after, SiteSet sitesAfter, UpgradeKind kind, SiteSet considered, SiteSet added, SiteSet refused, SiteSet serving)
        {
            var reason = new Reason
            {
                Trigger = Trigger,
                Outcome = outcome,
                LogonPoint = Name,
                Installed = Installed,
                Offered = Senior >= 0 ? Package : null,
                OfferedBy = Senior,
                Considered = considered,
                Added = added,
                Refused = refused,
                Serving = serving,
            };
            return new Decision(outcome, after, sitesAfter, kind, reason);
        }
    }
}
