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
        var reason = new Reason { Trigger = Trigger.Maintenance, Installed = client.Installed, OfferedBy = -1 };
        if (client.Installed is not { } installed)
        {
            return new Decision(Outcome.NotInstalled, null, client.Sites, UpgradeKind.None, reason with { Outcome = Outcome.NotInstalled });
        }

        if (client.Sites.IsEmpty)
        {
            return new Decision(Outcome.NotAssigned, installed, client.Sites, UpgradeKind.None, reason with { Outcome = Outcome.NotAssigned });
        }

        // Step 1: drop the sites whose boundaries no longer contain the client, unless it travels.
        // A site whose boundaries could not be read is kept: missing data never removes anything.
        var assigned = client.Sites;
        var outside = assigned - sites.Containing(assigned, client.Addresses);
        var kept = SiteSet.Empty;
        var dropped = SiteSet.Empty;
        foreach (var i in outside)
        {
            if (client.Travel || !sites[i].BoundariesKnown)
            {
                kept = kept.With(i);
            }
            else
            {
                dropped = dropped.With(i);
            }
        }

        var remaining = assigned - dropped;
        reason = reason with { DroppedOutside = dropped, Kept = kept, Travelling = client.Travel };
        if (remaining.IsEmpty)
        {
            return new Decision(Outcome.Unassigned, installed, remaining, UpgradeKind.None, reason with { Outcome = Outcome.Unassigned });
        }

        // Step 2: the target is the newest version among the sites still assigned.
        var newest = sites.Newest(remaining);
        var target = sites[newest].Version;
        reason = reason with { Offered = target, OfferedBy = newest };
        if (target == installed)
        {
            return new Decision(Outcome.UpToDate, installed, remaining, UpgradeKind.None, reason with { Outcome = Outcome.UpToDate });
        }

        if (target < installed)
        {
            return new Decision(Outcome.ClientNewer, installed, remaining, UpgradeKind.None, reason with { Outcome = Outcome.ClientNewer });
        }

        // Step 3: after the upgrade, sites that cannot manage the new version are dropped.
        var kind = target.IsSignificantlyNewerThan(installed) ? UpgradeKind.Significant : UpgradeKind.Hotfix;
        var compatible = sites.CompatibleWith(remaining, target);
        reason = reason with { Outcome = Outcome.Upgraded, DroppedIncompatible = remaining - compatible };
        return new Decision(Outcome.Upgraded, target, compatible, kind, reason);
    }

    private static Decision AtLogonPoint(Trigger trigger, SiteTable sites, in LogonPoint point, in ClientFacts client)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var senior = point.SeniorSite(sites);
        var reason = new Reason
        {
            Trigger = trigger,
            LogonPoint = point.Name,
            Installed = client.Installed,
            OfferedBy = senior,
            Offered = senior >= 0 ? sites[senior].Version : null,
        };
        var inside = sites.Containing(point.Participating, client.Addresses);
        return client.Installed is { } installed
            ? WithAgent(sites, point, client, installed, inside, reason)
            : WithoutAgent(sites, point, client, inside, reason);
    }

    // R1: a computer without an agent gets the package only with a compatible candidate site.
    private static Decision WithoutAgent(SiteTable sites, in LogonPoint point, in ClientFacts client, SiteSet candidates, Reason reason)
    {
        if (candidates.IsEmpty)
        {
            reason = reason with { Outcome = Outcome.NotInBoundaries, Considered = point.Participating };
            return new Decision(Outcome.NotInBoundaries, null, client.Sites, UpgradeKind.None, reason);
        }

        var package = reason.Offered!.Value;
        var compatible = sites.CompatibleWith(candidates, package);
        reason = reason with { Considered = candidates, Refused = candidates - compatible };
        if (compatible.IsEmpty)
        {
            return new Decision(Outcome.NoCompatibleSite, null, client.Sites, UpgradeKind.None, reason with { Outcome = Outcome.NoCompatibleSite });
        }

        var after = client.Sites | compatible;
        reason = reason with { Outcome = Outcome.Installed, Added = after - client.Sites };
        return new Decision(Outcome.Installed, package, after, UpgradeKind.None, reason);
    }

    // R2: a computer with an agent gets at most a hotfix, and only from a logon point that manages it.
    private static Decision WithAgent(SiteTable sites, in LogonPoint point, in ClientFacts client, AgentVersion installed, SiteSet inside, Reason reason)
    {
        if (inside.IsEmpty && (client.Sites & point.Participating).IsEmpty)
        {
            reason = reason with { Outcome = Outcome.NotInBoundaries, Considered = point.Participating };
            return new Decision(Outcome.NotInBoundaries, installed, client.Sites, UpgradeKind.None, reason);
        }

        var package = reason.Offered!.Value;
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
            outcome = Outcome.HotfixApplied;
            after = package;
            kind = UpgradeKind.Hotfix;
        }
        else
        {
            outcome = Outcome.DeferredToMaintenance;
        }

        // Multiple-site assignment: every containing participating site that can manage the version after this step.
        var compatible = sites.CompatibleWith(inside, after);
        var sitesAfter = client.Sites | compatible;
        reason = reason with { Outcome = outcome, Considered = inside, Added = sitesAfter - client.Sites, Refused = inside - compatible - client.Sites };
        if (outcome == Outcome.DeferredToMaintenance)
        {
            reason = reason with { Serving = ServingSignificantUpgrade(sites, sitesAfter, installed) };
        }

        return new Decision(outcome, after, sitesAfter, kind, reason);
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
}
