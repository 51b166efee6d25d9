using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using static Steward.Policy.Tests.Properties.ReferencePolicy;

namespace Steward.Policy.Tests.Properties;

/// <summary>
/// docs/RULES.md R4 (I1-I5) with rollouts, over thousands of random hierarchies in which every site may have a
/// rollout in any state, every client any seat, and sites downgrade orders: each decision against the
/// literal reading of section 6 in <see cref="RolloutReference"/>. CsCheck prints the failing world and its seed.
/// </summary>
public class RolloutProperties
{
    private const long Iterations = 3_000;

    private static readonly RolloutState[] States = Enum.GetValues<RolloutState>();

    /// <summary>Per site: a rollout (state index, T, spreadStart), or none; a downgrade order's version, or none.</summary>
    private static readonly Gen<RolloutWorldSpec> World =
        from hierarchy in HierarchyGen.Scenario
        from rollouts in Gen.Select(Gen.Int[-2, States.Length - 1], HierarchyGen.SiteVersion, Gen.Int[0, 2], Gen.Long[0, 200]).Array[hierarchy.Sites.Length]
        from orders in Gen.Select(Gen.Int[0, 3], HierarchyGen.SiteVersion).Array[hierarchy.Sites.Length]
        from seats in Gen.Select(Gen.Frequency((1, true), (3, false)), Gen.Long[0, 300]).Array[hierarchy.Clients.Length * hierarchy.Sites.Length]
        from now in Gen.Long[0, 400]
        select new RolloutWorldSpec(hierarchy, rollouts, orders, seats, now);

    [Fact]
    public void EveryDecision_AgreesWithALiteralReadingOfSection6_AndKeepsI1ToI5()
    {
        var reached = new long[Enum.GetValues<Outcome>().Length];
        World.Sample(
            spec =>
            {
                foreach (var check in Decisions(spec))
                {
                    check.Assert();
                    Interlocked.Increment(ref reached[(int)check.Decision.Outcome]);
                }
            },
            iter: Iterations,
            print: spec => spec.ToString());

        foreach (var outcome in new[] { Outcome.Scheduled, Outcome.Downgraded, Outcome.Upgraded, Outcome.Installed, Outcome.HotfixApplied })
        {
            Assert.True(reached[(int)outcome] > 0, $"no world reached {outcome}");
        }
    }

    private static List<DecisionCheck> Decisions(RolloutWorldSpec spec)
    {
        var checks = new List<DecisionCheck>();
        var h = spec.Hierarchy;
        var table = new SiteTable(h.Sites.Select(s => new Site(SiteCode.ParseExact(s.Code), s.Version, [.. s.Boundaries.Select(Boundary.ParseExact)], s.BoundariesKnown)));
        var index = h.Sites.Select(s => table.IndexOf(SiteCode.ParseExact(s.Code))).ToArray();
        var codes = h.Sites.Select(s => s.Code.ToUpperInvariant()).ToArray();
        var refSites = h.Sites.ToDictionary(
            s => s.Code.ToUpperInvariant(),
            s => new RefSite(s.Code.ToUpperInvariant(), s.Version, [.. s.Boundaries.Select(b => ReferenceNetwork.Boundary(b)!.Value)], s.BoundariesKnown));

        // Rollouts: T newer than the site's version, or one of the clients' versions (so that some run it).
        var rollouts = new List<Rollout>();
        var refRollouts = new Dictionary<string, RefRollout>();
        for (var s = 0; s < h.Sites.Length; s++)
        {
            var (stateIndex, version, pick, spreadStart) = spec.Rollouts[s];
            if (stateIndex < 0)
            {
                continue;
            }

            var clientVersion = h.Clients[pick % h.Clients.Length].Installed;
            var to = pick == 0 && clientVersion is { } cv ? cv : version;
            if (to <= h.Sites[s].Version)
            {
                continue;
            }

            var state = States[stateIndex];
            var seats = Enumerable.Range(0, h.Clients.Length).Select(c => new RolloutSeat(spec.Seats[(c * h.Sites.Length) + s].Pilot, spec.Seats[(c * h.Sites.Length) + s].Offset)).ToArray();
            rollouts.Add(new Rollout { Id = $"r{s}", Site = table[index[s]].Code, From = h.Sites[s].Version, To = to, State = state, SpreadStart = spreadStart, Window = 300, HaltReason = "a test halted it" });
            refRollouts[codes[s]] = new RefRollout($"r{s}", state, to, spreadStart, seats);
        }

        var orders = new List<DowngradeOrder>();
        var refOrders = new Dictionary<string, AgentVersion>();
        for (var s = 0; s < h.Sites.Length; s++)
        {
            var (kind, version) = spec.Orders[s];
            var from = kind switch { 1 => version, 2 or 3 => h.Clients[s % h.Clients.Length].Installed, _ => null };
            if (from is { } f)
            {
                orders.Add(new DowngradeOrder(table[index[s]].Code, f, $"o{s}"));
                refOrders[codes[s]] = f;
            }
        }

        var plan = new RolloutPlan(table, rollouts, orders, TimeStyle.Scenario);
        var points = h.Points.Select(p => new LogonPoint("LP", SetOf(p.Sites, index), p.Senior >= 0 ? index[p.Senior] : -1)).ToArray();
        for (var c = 0; c < h.Clients.Length; c++)
        {
            var client = h.Clients[c];
            var sites = SetOf(client.Sites, index);
            var addresses = client.Addresses.Select(NetworkAddress.ParseExact).ToArray();
            var seats = plan.Active.Select(r => refRollouts[r.Site.ToString()].Seats[c]).ToArray();
            var facts = new ClientFacts(client.Installed, sites, addresses, client.Travel);
            var serving = new Serving(plan, spec.Now, seats);
            var reference = new RolloutReference(refSites, refRollouts, refOrders, c, spec.Now);
            var assigned = table.Codes(sites).ToArray();

            var maintenance = Decide.Maintenance(table, facts, serving);
            checks.Add(new DecisionCheck(table, plan, client.Installed, sites, maintenance, reference.Maintenance(client.Installed, assigned, client.Addresses, client.Travel), IsLogon: false, refOrders, reference));
            if (maintenance.Outcome == Outcome.Upgraded)
            {
                var failed = Decide.Failed(maintenance);
                checks.Add(new DecisionCheck(table, plan, client.Installed, sites, failed, new RefResult(Outcome.UpgradeFailed, client.Installed, [.. table.Codes(maintenance.SitesAfter | maintenance.Reason.DroppedIncompatible)], maintenance.Kind), IsLogon: false, refOrders, reference));
            }

            for (var p = 0; p < points.Length; p++)
            {
                var participating = h.Sites.Where((_, i) => (h.Points[p].Sites & (1 << i)) != 0).Select(x => x.Code.ToUpperInvariant()).ToList();
                var named = h.Points[p].Senior >= 0 ? codes[h.Points[p].Senior] : null;
                var logon = Decide.Logon(table, points[p], facts, serving);
                checks.Add(new DecisionCheck(table, plan, client.Installed, sites, logon, reference.AtLogonPoint(participating, named, client.Installed, assigned, client.Addresses), IsLogon: true, refOrders, reference));
            }
        }

        return checks;
    }

    private static SiteSet SetOf(int mask, int[] index)
    {
        var set = SiteSet.Empty;
        for (var i = 0; i < index.Length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                set = set.With(index[i]);
            }
        }

        return set;
    }

    private sealed record DecisionCheck(
        SiteTable Table, RolloutPlan Plan, AgentVersion? Before, SiteSet SitesBefore, Decision Decision, RefResult Expected, bool IsLogon,
        IReadOnlyDictionary<string, AgentVersion> Orders, RolloutReference Reference)
    {
        public void Assert()
        {
            var d = Decision;
            var context = $"{(IsLogon ? "logon" : "maintenance")} of a client at {Before?.ToString() ?? "no agent"} [{Table.Format(SitesBefore)}]: {d.Outcome} {d.VersionAfter} [{Table.Format(d.SitesAfter)}]; {d.Reason.Render(Table)}";
            Xunit.Assert.True(Expected.Outcome == d.Outcome, $"expected {Expected.Outcome}; {context}");
            Xunit.Assert.True(Expected.Version == d.VersionAfter, $"expected version {Expected.Version}; {context}");
            Xunit.Assert.True(Expected.Sites.SequenceEqual(Table.Codes(d.SitesAfter)), $"expected sites [{string.Join(", ", Expected.Sites)}]; {context}");
            Xunit.Assert.True(Expected.Kind == d.Kind, $"expected kind {Expected.Kind}; {context}");

            // I1: every site added serves the client, as it is after the step, a version whose line is not
            // older; in R1 "as it is" is the computer without an agent (docs/RULES.md section 4).
            foreach (var i in d.SitesAfter - SitesBefore)
            {
                var code = Table[i].Code.ToString();
                var served = Reference.Served(code, Before is null ? null : d.VersionAfter);
                Xunit.Assert.True(Line(served).CompareTo(Line(d.VersionAfter!.Value)) >= 0, $"I1: added {code}; {context}");
            }

            // I2: a logon point never applies a significant upgrade.
            if (IsLogon && Before is { } before && d.VersionAfter is { } after)
            {
                Xunit.Assert.True(Fields(after) == Fields(before) || Line(after) == Line(before), $"I2; {context}");
            }

            // I3: nothing goes down unless an order of an assigned site says so, and never at logon.
            if (Before is { } was && d.VersionAfter is { } now && Fields(now).CompareTo(Fields(was)) < 0)
            {
                Xunit.Assert.False(IsLogon, $"I3: downgrade at logon; {context}");
                Xunit.Assert.Equal(Outcome.Downgraded, d.Outcome);
                Xunit.Assert.Contains(Table.Codes(SitesBefore), c => Orders.TryGetValue(c, out var from) && from == was);
            }

            // I4: a failed upgrade leaves the version as it was.
            if (d.Outcome == Outcome.UpgradeFailed)
            {
                Xunit.Assert.Equal(Before, d.VersionAfter);
            }

            // I5: every decision in words, naming its versions, and for Scheduled the rollout.
            var reason = d.Reason.Render(Table);
            Xunit.Assert.EndsWith(".", reason, StringComparison.Ordinal);
            Xunit.Assert.Equal(d.Outcome, d.Reason.Outcome);
            if (Before is { } b && d.Outcome != Outcome.NotInBoundaries)
            {
                Xunit.Assert.Contains(b.ToString(), reason, StringComparison.Ordinal);
            }

            if (d.Outcome == Outcome.Scheduled)
            {
                Xunit.Assert.Contains(Plan.RolloutOf(d.Reason.RolloutSite)!.Id, reason, StringComparison.Ordinal);
            }
        }
    }
}

/// <summary>A random world with rollouts: the hierarchy, and per site and client what section 6 adds.</summary>
internal sealed record RolloutWorldSpec(
    Scenario Hierarchy, (int State, AgentVersion To, int Pick, long SpreadStart)[] Rollouts, (int Kind, AgentVersion From)[] Orders, (bool Pilot, long Offset)[] Seats, long Now)
{
    public override string ToString() =>
        $"{Hierarchy}rollouts (state index, T, pick, spreadStart) per site: {string.Join("; ", Rollouts.Select(r => $"{r.State} {r.To} {r.Pick} {r.SpreadStart}"))}{Environment.NewLine}" +
        $"orders: {string.Join("; ", Orders.Select(o => $"{o.Kind} {o.From}"))}{Environment.NewLine}seats: {string.Join(" ", Seats.Select(s => $"{(s.Pilot ? "P" : "")}{s.Offset}"))}{Environment.NewLine}now: {Now}";
}
