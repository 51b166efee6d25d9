using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Properties;

/// <summary>One decision taken while running a scenario, with the state before it and what the reference expected.</summary>
internal sealed record StepRecord(
    int Step,
    StepKind Kind,
    SiteTable Table,
    AgentVersion? Before,
    SiteSet SitesBefore,
    AgentVersion? Package,
    Decision Decision,
    RefResult Expected)
{
    public AgentVersion? After => Decision.VersionAfter;

    public string Describe() =>
        $"step {Step + 1} ({Kind}): before {Before?.ToString() ?? "no agent"} [{Table.Format(SitesBefore)}], " +
        $"decided {Decision.Outcome} {After?.ToString() ?? "no agent"} [{Table.Format(Decision.SitesAfter)}] {Decision.Kind}; " +
        $"reason: {Decision.Reason.Render(Table)}";
}

/// <summary>
/// Runs a scenario through the policy as the server would: each decision's version and sites become the
/// client's state for the next step. Also asks the reference for each decision, from the same state.
/// </summary>
internal static class HierarchyRun
{
    private sealed class Client(ClientSpec spec, SiteSet sites)
    {
        public AgentVersion? Installed { get; set; } = spec.Installed;

        public SiteSet Sites { get; set; } = sites;

        public string[] Addresses { get; set; } = spec.Addresses;

        public bool Travel { get; set; } = spec.Travel;
    }

    public static List<StepRecord> Run(Scenario scenario)
    {
        var table = new SiteTable(scenario.Sites.Select(s => new Site(SiteCode.ParseExact(s.Code), s.Version, [.. s.Boundaries.Select(Boundary.ParseExact)], s.BoundariesKnown)));
        var index = scenario.Sites.Select(s => table.IndexOf(SiteCode.ParseExact(s.Code))).ToArray();
        var reference = scenario.Sites.ToDictionary(
            s => s.Code.ToUpperInvariant(),
            s => new RefSite(s.Code.ToUpperInvariant(), s.Version, [.. s.Boundaries.Select(b => ReferenceNetwork.Boundary(b)!.Value)], s.BoundariesKnown));
        var points = scenario.Points.Select((p, i) => new LogonPoint(Scenario.PointName(i), ToSet(p.Sites, index), p.Senior >= 0 ? index[p.Senior] : -1)).ToArray();
        var clients = scenario.Clients.Select(c => new Client(c, ToSet(c.Sites, index))).ToArray();
        var records = new List<StepRecord>(scenario.Steps.Length);

        for (var n = 0; n < scenario.Steps.Length; n++)
        {
            var step = scenario.Steps[n];
            var client = clients[step.Client];
            switch (step.Kind)
            {
                case StepKind.SiteVersion:
                    var site = step.Target % scenario.Sites.Length;
                    var code = scenario.Sites[site].Code.ToUpperInvariant();
                    table = table.WithVersion(index[site], step.Version);
                    reference[code] = reference[code] with { Version = step.Version };
                    continue;
                case StepKind.Move:
                    client.Addresses = step.Addresses;
                    continue;
                case StepKind.Travel:
                    client.Travel = step.Flag;
                    continue;
            }

            var addresses = client.Addresses.Select(NetworkAddress.ParseExact).ToArray();
            var facts = new ClientFacts(client.Installed, client.Sites, addresses, client.Travel);
            var sitesBefore = table.Codes(client.Sites).ToArray();
            Decision decision;
            RefResult expected;
            AgentVersion? package = null;
            if (step.Kind == StepKind.Maintenance)
            {
                decision = Decide.Maintenance(table, facts);
                expected = ReferencePolicy.Maintenance(reference, client.Installed, sitesBefore, client.Addresses, client.Travel);
            }
            else
            {
                var pointIndex = step.Target % points.Length;
                var point = points[pointIndex];
                var spec = scenario.Points[pointIndex];
                var participating = scenario.Sites.Where((_, i) => (spec.Sites & (1 << i)) != 0).Select(s => reference[s.Code.ToUpperInvariant()]).ToList();
                var named = spec.Senior >= 0 ? scenario.Sites[spec.Senior].Code.ToUpperInvariant() : null;
                package = ReferencePolicy.Senior(participating, named)?.Version;
                decision = step.Kind == StepKind.Logon ? Decide.Logon(table, point, facts) : Decide.ManualInstall(table, point, facts);
                expected = ReferencePolicy.AtLogonPoint(participating, named, client.Installed, sitesBefore, client.Addresses);
            }

            records.Add(new StepRecord(n, step.Kind, table, client.Installed, client.Sites, package, decision, expected));
            client.Installed = decision.VersionAfter;
            client.Sites = decision.SitesAfter;
        }

        return records;
    }

    private static SiteSet ToSet(int mask, int[] index)
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
}
