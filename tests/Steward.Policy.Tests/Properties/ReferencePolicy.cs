using Steward.Policy.Decisions;
using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Properties;

/// <summary>A site as the reference sees it: upper-case code, version, boundaries, and whether they could be read.</summary>
internal sealed record RefSite(string Code, AgentVersion Version, RefBoundary[] Boundaries, bool Known);

/// <summary>What the reference expects: the outcome word, the version and sites after, the kind of upgrade.</summary>
internal sealed record RefResult(Outcome Outcome, AgentVersion? Version, string[] Sites, UpgradeKind Kind);

/// <summary>
/// docs/RULES.md section 3 read literally, with lists of site codes, tuples for versions and the naive network
/// reference; it shares nothing with the policy but the <see cref="AgentVersion"/> fields.
/// </summary>
internal static class ReferencePolicy
{
    public static (int, int, int, int) Fields(AgentVersion v) => (v.Major, v.Minor, v.Build, v.Revision);

    public static (int, int, int, int) Line(AgentVersion v) => (v.Major, v.Minor, v.Build, v.Revision / 1000);

    /// <summary>docs/RULES.md section 1: the site's line is not older than the client's.</summary>
    public static bool Compatible(RefSite site, AgentVersion client) => Line(site.Version).CompareTo(Line(client)) >= 0;

    /// <summary>docs/RULES.md section 3: some address that identifies something lies inside one of the (readable) boundaries.</summary>
    public static bool Inside(RefSite site, string[] addresses) =>
        site.Known && addresses.Any(a => ReferenceNetwork.Identifies(a) && site.Boundaries.Any(b => b.Contains(ReferenceNetwork.Address(a))));

    /// <summary>docs/RULES.md section 2: the named participating site, else the newest version, ties to the lowest code.</summary>
    public static RefSite? Senior(IReadOnlyList<RefSite> participating, string? named) =>
        participating.FirstOrDefault(s => s.Code == named)
        ?? participating.OrderByDescending(s => Fields(s.Version)).ThenBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>R1 and R2: logon bootstrap or manual install at a logon point.</summary>
    public static RefResult AtLogonPoint(IReadOnlyList<RefSite> participating, string? named, AgentVersion? installed, string[] sites, string[] addresses)
    {
        var candidates = participating.Where(s => Inside(s, addresses)).ToList();
        var package = Senior(participating, named)?.Version;
        if (installed is not { } v)
        {
            if (candidates.Count == 0)
            {
                return new(Outcome.NotInBoundaries, null, sites, UpgradeKind.None);
            }

            var compatible = candidates.Where(s => Compatible(s, package!.Value)).Select(s => s.Code).ToList();
            return compatible.Count == 0
                ? new(Outcome.NoCompatibleSite, null, sites, UpgradeKind.None)
                : new(Outcome.Installed, package, Sorted(sites.Union(compatible)), UpgradeKind.None);
        }

        if (candidates.Count == 0 && !participating.Any(s => sites.Contains(s.Code)))
        {
            return new(Outcome.NotInBoundaries, v, sites, UpgradeKind.None);
        }

        var p = package!.Value;
        var (outcome, after, kind) =
            Fields(p) == Fields(v) ? (Outcome.UpToDate, v, UpgradeKind.None)
            : Fields(p).CompareTo(Fields(v)) < 0 ? (Outcome.ClientNewer, v, UpgradeKind.None)
            : Line(p) == Line(v) ? (Outcome.HotfixApplied, p, UpgradeKind.Hotfix)
            : (Outcome.DeferredToMaintenance, v, UpgradeKind.None);
        var added = candidates.Where(s => Compatible(s, after)).Select(s => s.Code);
        return new(outcome, after, Sorted(sites.Union(added)), kind);
    }

    /// <summary>R3: the maintenance cycle.</summary>
    public static RefResult Maintenance(IReadOnlyDictionary<string, RefSite> all, AgentVersion? installed, string[] sites, string[] addresses, bool travel)
    {
        if (installed is not { } v)
        {
            return new(Outcome.NotInstalled, null, sites, UpgradeKind.None);
        }

        if (sites.Length == 0)
        {
            return new(Outcome.NotAssigned, v, sites, UpgradeKind.None);
        }

        var kept = sites.Select(c => all[c]).Where(s => travel || !s.Known || Inside(s, addresses)).ToList();
        if (kept.Count == 0)
        {
            return new(Outcome.Unassigned, v, [], UpgradeKind.None);
        }

        var target = kept.Select(s => s.Version).MaxBy(Fields);
        var keptCodes = Sorted(kept.Select(s => s.Code));
        if (Fields(target) == Fields(v))
        {
            return new(Outcome.UpToDate, v, keptCodes, UpgradeKind.None);
        }

        if (Fields(target).CompareTo(Fields(v)) < 0)
        {
            return new(Outcome.ClientNewer, v, keptCodes, UpgradeKind.None);
        }

        var kind = Line(target).CompareTo(Line(v)) > 0 ? UpgradeKind.Significant : UpgradeKind.Hotfix;
        return new(Outcome.Upgraded, target, Sorted(kept.Where(s => Compatible(s, target)).Select(s => s.Code)), kind);
    }

    private static string[] Sorted(IEnumerable<string> codes) => [.. codes.Distinct().Order(StringComparer.Ordinal)];
}
