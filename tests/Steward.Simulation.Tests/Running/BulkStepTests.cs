using CsCheck;
using Steward.Policy.Decisions;
using Steward.Simulation.Model;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary>
/// A bulk step is exactly the single-client step run for every client: the same outcomes, counted, and
/// the same final fleet, on one thread or several, whatever the chunk size.
/// </summary>
public sealed class BulkStepTests
{
    private static readonly string[] Versions =
        ["2.00.1239.0000", "2.00.1380.1000", "2.00.1380.1001", "2.00.1493.2000", "2.00.1493.2001", "2.00.1493.3000"];

    private static readonly string[] Addresses =
        ["10.1.0.5", "10.2.0.5", "10.3.0.5", "10.9.9.9", "0.0.0.0", "2001:db8::5", "fe80::1"];

    private static readonly string[] SiteCodes = ["A01", "B01", "C01"];

    private static readonly SimulationOptions ManyThreads = new() { MaxDegreeOfParallelism = 2, ClientsPerChunk = 3 };

    private static readonly Gen<ClientSpec> ClientGen = Gen.Select(
        Gen.Int[-1, Versions.Length - 1], Gen.Int[0, 7], Gen.Int[0, Addresses.Length - 1].Array[1, 2], Gen.Bool,
        (v, sites, addresses, travel) => new ClientSpec(v, sites, addresses, travel));

    private static readonly Gen<WorldSpec> WorldGen = Gen.Select(
        Gen.Int[0, Versions.Length - 1].Array[3], Gen.Int[-1, 2], ClientGen.Array[0, 25], Gen.Int[0, 12], Gen.Int[-1, Versions.Length - 1], Gen.Int[0, 7],
        (siteVersions, senior, clients, generated, generatedVersion, generatedSites) =>
            new WorldSpec(siteVersions, senior, clients, generated, generatedVersion, generatedSites));

    [Fact]
    public void LogonAllThenMaintenanceAll_EqualsEachClientStepByStep() =>
        WorldGen.Sample(world =>
        {
            var names = ClientNames(world);
            var bulk = SimulationRunner.Run(world.Build(b => b.LogonAll("DC1").MaintenanceAll().LogonAll("DC1").MaintenanceAll()), ManyThreads);
            var single = SimulationRunner.Run(world.Build(b =>
            {
                foreach (var step in new[] { "logon", "maintenance", "logon", "maintenance" })
                {
                    foreach (var name in names)
                    {
                        _ = step == "logon" ? b.Logon(name, "DC1") : b.Maintenance(name);
                    }
                }
            }));

            for (var s = 0; s < 4; s++)
            {
                var counted = Assert.IsType<BulkStepResult>(bulk.Results[s]);
                var one = single.Results.Skip(s * names.Count).Take(names.Count).Cast<ClientStepResult>().ToList();
                Assert.Equal(names.Count, counted.Clients);
                Assert.Equal(Tally(one.Select(r => r.Outcome)), counted.Outcomes.Select(c => (c.Outcome, c.Count)));
                Assert.Equal(
                    Tally(one.Select(r => r.Kind).Where(k => k != UpgradeKind.None)),
                    counted.Kinds.Select(c => (c.Kind, c.Count)));
                Assert.Equal(names, one.Select(r => r.Client));
            }

            AssertSameFleet(bulk.Fleet, single.Fleet);
        }, iter: 150);

    [Fact]
    public void BulkStep_OneThreadOrSeveral_SameCountsAndFleet() =>
        WorldGen.Sample(world =>
        {
            var scenario = world.Build(b => b.MaintenanceAll().LogonAll("DC1").MaintenanceAll());
            var one = SimulationRunner.Run(scenario, new SimulationOptions { MaxDegreeOfParallelism = 1 });
            var many = SimulationRunner.Run(scenario, ManyThreads);
            Assert.Equal(
                one.Results.Cast<BulkStepResult>().Select(r => (string.Join(",", r.Outcomes), string.Join(",", r.Kinds))),
                many.Results.Cast<BulkStepResult>().Select(r => (string.Join(",", r.Outcomes), string.Join(",", r.Kinds))));
            AssertSameFleet(one.Fleet, many.Fleet);
        }, iter: 100);

    [Fact]
    public void LogonAll_ReportsOnlyOutcomesThatOccurred_InOutcomeOrder()
    {
        var run = SimulationRunner.Run(new ScenarioBuilder()
            .Site("A01", "2.00.1493.2001", "10.1.0.0/16")
            .LogonPoint("DC1", ["A01"])
            .Client("NEW", ["10.1.0.9"])
            .Client("OUTSIDE", ["10.9.0.1"])
            .Client("HOTFIX", ["10.1.0.10"], "2.00.1493.2000", ["A01"])
            .Client("SP1", ["10.1.0.11"], "2.00.1380.1000", ["A01"])
            .Generate(5, "WS", "10.1.1.0/24", "2.00.1493.2001", ["A01"])
            .LogonAll("DC1")
            .Build());

        var result = Assert.IsType<BulkStepResult>(Assert.Single(run.Results));
        Assert.Equal("DC1", result.LogonPoint);
        Assert.Equal(9, result.Clients);
        Assert.Equal(
            [(Outcome.Installed, 1L), (Outcome.NotInBoundaries, 1L), (Outcome.UpToDate, 5L), (Outcome.HotfixApplied, 1L), (Outcome.DeferredToMaintenance, 1L)],
            result.Outcomes.Select(c => (c.Outcome, c.Count)));
        Assert.Equal([(UpgradeKind.Hotfix, 1L)], result.Kinds.Select(c => (c.Kind, c.Count)));
        Assert.Equal(5, result.CountOf(Outcome.UpToDate));
        Assert.Equal(0, result.CountOf(Outcome.Upgraded));
    }

    private static (T, long)[] Tally<T>(IEnumerable<T> items)
        where T : struct, Enum =>
        [.. items.GroupBy(i => i).OrderBy(g => Convert.ToInt32(g.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(g => (g.Key, (long)g.Count()))];

    private static void AssertSameFleet(Fleet expected, Fleet actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected.InstalledOf(i), actual.InstalledOf(i));
            Assert.Equal(expected.SitesOf(i), actual.SitesOf(i));
            Assert.Equal(expected.IsTravelling(i), actual.IsTravelling(i));
        }
    }

    private static List<string> ClientNames(WorldSpec world) =>
        [.. Enumerable.Range(0, world.Clients.Length).Select(i => $"PC{i}"), .. Enumerable.Range(1, world.Generated).Select(i => $"WS{i:D6}")];

    private sealed record ClientSpec(int Version, int SiteMask, int[] Addresses, bool Travel);

    private sealed record WorldSpec(int[] SiteVersions, int Senior, ClientSpec[] Clients, int Generated, int GeneratedVersion, int GeneratedSites)
    {
        public Scenario Build(Action<ScenarioBuilder> steps)
        {
            var b = new ScenarioBuilder()
                .Site("A01", Versions[SiteVersions[0]], "10.1.0.0/16")
                .Site("B01", Versions[SiteVersions[1]], "10.1.0.0/16", "10.2.0.0/16")
                .Site("C01", Versions[SiteVersions[2]], "10.3.0.0/16", "2001:db8::/32")
                .LogonPoint("DC1", SiteCodes, Senior < 0 ? null : SiteCodes[Senior]);
            for (var i = 0; i < Clients.Length; i++)
            {
                var c = Clients[i];
                b.Client($"PC{i}", [.. c.Addresses.Select(a => BulkStepTests.Addresses[a])], VersionOf(c.Version), SitesOf(c.SiteMask), c.Travel);
            }

            if (Generated > 0)
            {
                // Generated clients spread over A01 and B01 and beyond them (10.0.0.0/14 holds 10.0-10.3).
                b.Generate(Generated, "WS", "10.0.0.0/14", VersionOf(GeneratedVersion), SitesOf(GeneratedSites));
            }

            steps(b);
            return b.Build();
        }

        private static string? VersionOf(int index) => index < 0 ? null : Versions[index];

        private static string[] SitesOf(int mask) => [.. SiteCodes.Where((_, i) => (mask & (1 << i)) != 0)];
    }
}
