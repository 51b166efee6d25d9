using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Versions;
using static Steward.Policy.Tests.Properties.ReferencePolicy;

namespace Steward.Policy.Tests.Properties;

/// <summary>A site's rollout as the reference sees it: state, F, T, spreadStart, and for each client its seat.</summary>
internal sealed record RefRollout(string Id, RolloutState State, AgentVersion To, long SpreadStart, RolloutSeat[] Seats);

/// <summary>
/// docs/RULES.md section 4 read literally on top of <see cref="ReferencePolicy"/>: the version each site serves to
/// one client at one moment, and R1-R3 with those versions and the rules section 6 adds to R3. Shares
/// nothing with the policy but the value types.
/// </summary>
internal sealed class RolloutReference(
    IReadOnlyDictionary<string, RefSite> sites, IReadOnlyDictionary<string, RefRollout> rollouts, IReadOnlyDictionary<string, AgentVersion> orders, int client, long now)
{
    private static bool Active(RefRollout r) => r.State is RolloutState.Pilot or RolloutState.Spreading or RolloutState.Halted;

    /// <summary>"Which version S serves a client at time t", to this client running <paramref name="version"/>.</summary>
    public AgentVersion Served(string code, AgentVersion? version)
    {
        var site = sites[code];
        if (!rollouts.TryGetValue(code, out var r) || !Active(r))
        {
            return site.Version;
        }

        if (version is null)
        {
            return r.State == RolloutState.Spreading ? r.To : site.Version;
        }

        var seat = r.Seats[client];
        var open = r.State == RolloutState.Pilot ? seat.Pilot
            : r.State == RolloutState.Spreading && (seat.Pilot || now >= r.SpreadStart + seat.Offset);
        return Fields(version.Value) == Fields(r.To) || open ? r.To : site.Version;
    }

    private RefSite As(string code, AgentVersion? version) => sites[code] with { Version = Served(code, version) };

    public RefResult Maintenance(AgentVersion? installed, string[] assigned, string[] addresses, bool travel)
    {
        if (installed is not { } v)
        {
            return new(Outcome.NotInstalled, null, assigned, UpgradeKind.None);
        }

        if (assigned.Length == 0)
        {
            return new(Outcome.NotAssigned, v, assigned, UpgradeKind.None);
        }

        var kept = assigned.Where(c => travel || !sites[c].Known || Inside(sites[c], addresses)).Order(StringComparer.Ordinal).ToArray();
        if (kept.Length == 0)
        {
            return new(Outcome.Unassigned, v, [], UpgradeKind.None);
        }

        var target = kept.Select(c => Served(c, v)).MaxBy(Fields);
        if (Fields(target).CompareTo(Fields(v)) <= 0)
        {
            var wouldBe = kept.Select(c => rollouts.TryGetValue(c, out var r) && Active(r) ? r.To : Served(c, v)).MaxBy(Fields);
            if (Fields(wouldBe).CompareTo(Fields(v)) > 0)
            {
                return new(Outcome.Scheduled, v, kept, UpgradeKind.None);
            }

            if (Fields(target).CompareTo(Fields(v)) < 0 && kept.Any(c => orders.TryGetValue(c, out var from) && Fields(from) == Fields(v)))
            {
                var down = Line(v).CompareTo(Line(target)) > 0 ? UpgradeKind.Significant : UpgradeKind.Hotfix;
                return new(Outcome.Downgraded, target, [.. kept.Where(c => Compatible(As(c, target), target))], down);
            }

            return new(Fields(target) == Fields(v) ? Outcome.UpToDate : Outcome.ClientNewer, v, kept, UpgradeKind.None);
        }

        var kind = Line(target).CompareTo(Line(v)) > 0 ? UpgradeKind.Significant : UpgradeKind.Hotfix;
        return new(Outcome.Upgraded, target, [.. kept.Where(c => Compatible(As(c, target), target))], kind);
    }

    public RefResult AtLogonPoint(IReadOnlyList<string> participating, string? named, AgentVersion? installed, string[] assigned, string[] addresses)
    {
        // The decision uses the versions served to the client as it is; the assignments after a hotfix,
        // those served to it as it will be (R2), which ReferencePolicy asks for through its second list.
        var before = participating.Select(c => As(c, installed)).ToList();
        var result = ReferencePolicy.AtLogonPoint(before, named, installed, assigned, addresses);
        if (installed is null || result.Version is not { } after || Fields(after) == Fields(installed.Value))
        {
            return result;
        }

        var afterSites = participating.Select(c => As(c, after)).ToList();
        var added = afterSites.Where(s => Inside(s, addresses) && Compatible(s, after)).Select(s => s.Code);
        return result with { Sites = [.. assigned.Union(added).Distinct().Order(StringComparer.Ordinal)] };
    }
}
