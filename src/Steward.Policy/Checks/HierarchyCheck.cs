using Steward.Policy.Boundaries;
using Steward.Policy.Sites;

namespace Steward.Policy.Checks;

/// <summary>
/// Lints a hierarchy for what the SP2 rules make dangerous (the situations of Q262677 and Q264630),
/// before any client meets them. Every warning names the fix.
/// </summary>
public static class HierarchyCheck
{
    /// <summary>All warnings for the sites and logon points, logon points first, then sites, then overlaps.</summary>
    public static IReadOnlyList<HierarchyWarning> Run(SiteTable sites, IReadOnlyList<LogonPoint> logonPoints)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(logonPoints);
        var warnings = new List<HierarchyWarning>();
        for (var p = 0; p < logonPoints.Count; p++)
        {
            CheckLogonPoint(sites, logonPoints[p], p, warnings);
        }

        var served = SiteSet.Empty;
        foreach (var point in logonPoints)
        {
            served |= point.Participating;
        }

        for (var s = 0; s < sites.Count; s++)
        {
            CheckSite(sites, s, served.Contains(s), warnings);
        }

        CheckOverlaps(sites, warnings);
        return warnings;
    }

    private static void CheckLogonPoint(SiteTable sites, LogonPoint point, int index, List<HierarchyWarning> warnings)
    {
        var senior = point.SeniorSite(sites);
        if (senior < 0)
        {
            return;
        }

        var newest = sites.Newest(point.Participating);
        var package = sites[senior].Version;
        if (point.NamedSenior >= 0 && sites[newest].Version > package)
        {
            warnings.Add(new HierarchyWarning(
                "senior-not-newest",
                $"Logon point {point.Name} names {sites[senior].Code} ({package}) as its senior site, but {sites[newest].Code} has the newer {sites[newest].Version}: the logon point installs the older package, and clients of {sites[newest].Code} that log on there are not patched by it.",
                $"Name {sites[newest].Code} as the senior site of {point.Name}, or stop naming one so that the newest site is chosen.",
                LogonPoint: index));
        }

        foreach (var s in point.Participating)
        {
            if (sites[s].Line < package.Line)
            {
                warnings.Add(new HierarchyWarning(
                    "mixed-lines",
                    $"Logon point {point.Name} carries {package} (senior site {sites[senior].Code}, line {package.Line}), but participating site {sites[s].Code} is on the older line {sites[s].Line}: new computers inside only {sites[s].Code}'s boundaries get NoCompatibleSite and nothing is installed, and its clients are deferred to their maintenance cycle at every logon.",
                    $"Upgrade {sites[s].Code} to line {package.Line}, or remove it from {point.Name} until it is.",
                    s,
                    index));
            }
        }
    }

    private static void CheckSite(SiteTable sites, int s, bool onLogonPoint, List<HierarchyWarning> warnings)
    {
        var site = sites[s];
        if (site.Boundaries.Count == 0)
        {
            warnings.Add(new HierarchyWarning(
                "no-boundary",
                $"Site {site.Code} has no boundary: no computer is ever inside it, so no logon point assigns a client to it, and its clients are dropped at their next maintenance cycle unless they travel.",
                $"Add the subnets, ranges or addresses of {site.Code}'s network to its boundaries.",
                s));
            return;
        }

        foreach (var boundary in site.Boundaries)
        {
            if (!CanContainIdentifyingAddress(boundary))
            {
                warnings.Add(new HierarchyWarning(
                    "unidentifying-boundary",
                    $"Boundary {boundary} of site {site.Code} holds only addresses that identify no network (0.0.0.0, 127.0.0.0/8, 169.254.0.0/16, ::, ::1, fe80::/10): it never contains a computer.",
                    $"Replace {boundary} with the network {site.Code}'s computers are really on.",
                    s));
            }
        }

        if (!onLogonPoint)
        {
            warnings.Add(new HierarchyWarning(
                "no-logon-point",
                $"Site {site.Code} participates in no logon point: no computer can be installed into it or assigned to it at logon.",
                $"Add {site.Code} to the logon point its computers use.",
                s));
        }
    }

    private static void CheckOverlaps(SiteTable sites, List<HierarchyWarning> warnings)
    {
        var all = new List<(Boundary Boundary, int Site)>();
        for (var s = 0; s < sites.Count; s++)
        {
            foreach (var b in sites[s].Boundaries)
            {
                all.Add((b, s));
            }
        }

        // Sorted by family and start, a boundary can only overlap the ones after it that start before it ends.
        all.Sort((x, y) => x.Boundary.First.CompareTo(y.Boundary.First));
        var reported = new HashSet<(int, int)>();
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count && all[j].Boundary.IsIPv6 == all[i].Boundary.IsIPv6 && all[j].Boundary.First.Value <= all[i].Boundary.Last.Value; j++)
            {
                var (a, b) = (all[i], all[j]);
                if (a.Site == b.Site || sites[a.Site].Line == sites[b.Site].Line)
                {
                    continue;
                }

                var (older, newer) = sites[a.Site].Line < sites[b.Site].Line ? (a, b) : (b, a);
                if (!reported.Add((older.Site, newer.Site)))
                {
                    continue;
                }

                var o = sites[older.Site];
                var n = sites[newer.Site];
                warnings.Add(new HierarchyWarning(
                    "overlap-across-lines",
                    $"Boundary {older.Boundary} of {o.Code} (line {o.Line}) overlaps {newer.Boundary} of {n.Code} (line {n.Line}): a new computer there is assigned to {n.Code} only, while {o.Code}'s clients there are held back by it and meet {n.Code}'s package at logon points they share.",
                    $"Upgrade {o.Code} to line {n.Line}, or make the boundaries of {o.Code} and {n.Code} disjoint.",
                    older.Site));
            }
        }
    }

    private static bool CanContainIdentifyingAddress(Boundary boundary)
    {
        // Unidentifying areas are contiguous blocks; a boundary holds an identifying address if either
        // end does, or if it is wider than the largest unidentifying block it could sit inside.
        if (IdentifyingAddresses.Identifies(boundary.First) || IdentifyingAddresses.Identifies(boundary.Last))
        {
            return true;
        }

        var largestBlock = boundary.IsIPv6 ? (UInt128.One << 118) - 1 : (UInt128)((1u << 24) - 1);
        return boundary.SizeMinusOne > largestBlock;
    }
}
