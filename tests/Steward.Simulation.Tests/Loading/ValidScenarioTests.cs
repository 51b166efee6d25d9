using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Loading;
using Steward.Simulation.Model;

namespace Steward.Simulation.Tests.Loading;

public sealed class ValidScenarioTests
{
    private static readonly AgentVersion Sp1 = AgentVersion.Parse("2.00.1380.1000");
    private static readonly AgentVersion Sp2 = AgentVersion.Parse("2.00.1493.2000");
    private static readonly SiteCode A01 = SiteCode.ParseExact("A01");
    private static readonly SiteCode B01 = SiteCode.ParseExact("B01");

    [Fact]
    public void SpecExample_Loads_WithEveryValue()
    {
        var scenario = LoadAssert.Valid(ScenarioTexts.SpecExample);

        Assert.Collection(
            scenario.Sites,
            a =>
            {
                Assert.Equal((A01, "Headquarters", Sp1), (a.Code, a.Name, a.Version));
                Assert.Equal([Boundary.ParseExact("10.1.0.0/16"), Boundary.ParseExact("10.3.0.10-10.3.0.200")], a.Boundaries);
                Assert.Equal(new SourcePosition(2, 5), a.At);
            },
            b =>
            {
                Assert.Equal((B01, (string?)null, Sp2), (b.Code, b.Name, b.Version));
                Assert.Equal([Boundary.ParseExact("10.1.0.0/16"), Boundary.ParseExact("10.2.0.0/16")], b.Boundaries);
            });

        var dc1 = Assert.Single(scenario.LogonPoints);
        Assert.Equal("DC1", dc1.Name);
        Assert.Equal([A01, B01], dc1.Sites);
        Assert.Null(dc1.Senior);

        Assert.Collection(
            scenario.Clients,
            old =>
            {
                Assert.Equal(("PC-OLD", (AgentVersion?)Sp1, false), (old.Name, old.Installed, old.Travel));
                Assert.Equal([NetworkAddress.ParseExact("10.1.0.5")], old.Addresses);
                Assert.Equal([A01], old.Sites);
            },
            fresh =>
            {
                Assert.Equal(("PC-NEW", (AgentVersion?)null, false), (fresh.Name, fresh.Installed, fresh.Travel));
                Assert.Empty(fresh.Sites);
            });

        var block = Assert.Single(scenario.Generate);
        Assert.Equal((100_000, "WS", (AgentVersion?)Sp1, false), (block.Count, block.Prefix, block.Installed, block.Travel));
        Assert.Equal(Boundary.ParseExact("10.2.0.0/15"), block.Addresses);
        Assert.Equal([B01], block.Sites);
        Assert.Equal(100_002, scenario.TotalClients);

        Assert.Collection(
            scenario.Steps,
            s => Assert.Equal(new LogonStep(1, new SourcePosition(29, 5), "PC-NEW", "DC1"), s),
            s => Assert.Equal(new InstallStep(2, new SourcePosition(31, 5), "PC-NEW", "DC1"), s),
            s => Assert.Equal(new MaintenanceStep(3, new SourcePosition(33, 5), "PC-OLD"), s),
            s => Assert.Equal(new SiteVersionStep(4, new SourcePosition(34, 5), A01, Sp2), s),
            s =>
            {
                var move = Assert.IsType<MoveStep>(s);
                Assert.Equal((5, "PC-OLD"), (move.Number, move.Client));
                Assert.Equal([NetworkAddress.ParseExact("10.9.0.1")], move.Addresses);
            },
            s => Assert.Equal(new TravelStep(6, new SourcePosition(38, 5), "PC-OLD", true), s),
            s => Assert.Equal(new LogonAllStep(7, new SourcePosition(40, 5), "DC1"), s),
            s => Assert.Equal(new MaintenanceAllStep(8, new SourcePosition(41, 5)), s));
    }

    [Fact]
    public void SpecExampleAsJson_LoadsTheSameScenario()
    {
        var json = File.ReadAllText(TestFiles.Path("spec-example.json"));

        Assert.Equal(ScenarioDump.Render(LoadAssert.Valid(ScenarioTexts.SpecExample)), ScenarioDump.Render(LoadAssert.Valid(json)));
    }

    [Fact]
    public void JsonIndentedWithTabs_LoadsTheSameScenario()
    {
        var lines = File.ReadAllLines(TestFiles.Path("spec-example.json"));
        var tabbed = string.Join("\n", lines.Select(line =>
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            return new string('\t', indent / 2) + line.TrimStart(' ');
        }));
        Assert.Contains("\n\t\t\t\"code\"", tabbed, StringComparison.Ordinal);

        Assert.Equal(ScenarioDump.Render(LoadAssert.Valid(ScenarioTexts.SpecExample)), ScenarioDump.Render(LoadAssert.Valid(tabbed)));
    }

    [Fact]
    public void JsonOnOneLine_Loads()
    {
        var scenario = LoadAssert.Valid("""{"sites":[{"code":"A01","version":"2.00.1380.1000","boundaries":["10.1.0.0/16"]}],"clients":[{"name":"PC1","addresses":["10.1.0.5"],"installed":null,"travel":true}],"steps":[{"maintenanceAll":true}]}""");

        var client = Assert.Single(scenario.Clients);
        Assert.Equal(("PC1", (AgentVersion?)null, true), (client.Name, client.Installed, client.Travel));
        Assert.IsType<MaintenanceAllStep>(Assert.Single(scenario.Steps));
    }

    [Fact]
    public void WindowsLineEndingsAndByteOrderMark_LoadWithTheSamePositions()
    {
        var text = "\uFEFF" + ScenarioTexts.SpecExample.ReplaceLineEndings("\r\n");

        var scenario = LoadAssert.Valid(text);

        Assert.Equal(ScenarioDump.Render(LoadAssert.Valid(ScenarioTexts.SpecExample)), ScenarioDump.Render(scenario));
        Assert.Equal(new SourcePosition(41, 5), scenario.Steps[^1].At);
    }

    [Theory]
    [InlineData("q262677.yaml", 3, 9)]
    [InlineData("mixed-hierarchy.yaml", 7, 16)]
    [InlineData("rollout-100k.yaml", 1, 7)]
    public void Examples_LoadFromTheirFiles(string file, int clients, int steps)
    {
        var result = ScenarioLoader.LoadFile(TestFiles.Path(file));

        Assert.True(result.Success, LoadAssert.Describe(result));
        Assert.Equal(clients, result.Scenario.Clients.Count);
        Assert.Equal(steps, result.Scenario.Steps.Count);
        Assert.Equal(Enumerable.Range(1, steps), result.Scenario.Steps.Select(s => s.Number));
    }

    [Fact]
    public void OnlySites_LoadsWithNoStep()
    {
        var scenario = LoadAssert.Valid("sites: [{code: A01, version: 2.00.1380.1000}]");

        Assert.Empty(Assert.Single(scenario.Sites).Boundaries);
        Assert.Empty(scenario.LogonPoints);
        Assert.Empty(scenario.Clients);
        Assert.Empty(scenario.Generate);
        Assert.Empty(scenario.Steps);
    }

    [Fact]
    public void NamesInAnyCase_ResolveToTheirDeclaredSpelling()
    {
        var scenario = LoadAssert.Valid("""
            sites: [{code: a01, version: 2.00.1380.1000, boundaries: [10.1.0.0/16]}]
            logonPoints: [{name: Dc1, sites: [A01], senior: a01}]
            clients: [{name: Pc-One, addresses: [10.1.0.5], installed: 2.0.1380.1000, sites: [A01]}]
            generate: [{count: 100, prefix: Ws, addresses: 10.1.1.0/24}]
            steps:
              - logon: PC-ONE
                at: DC1
              - maintenance: ws000042
              - logonAll: dc1
              - siteVersion: A01
                version: 2.0.1493.2000
            """);

        Assert.Equal(A01, scenario.Sites[0].Code);
        Assert.Equal(A01, scenario.LogonPoints[0].Senior);
        Assert.Equal(Sp1, scenario.Clients[0].Installed);
        Assert.Equal(new LogonStep(1, new SourcePosition(6, 5), "Pc-One", "Dc1"), scenario.Steps[0]);
        Assert.Equal(new MaintenanceStep(2, new SourcePosition(8, 5), "Ws000042"), scenario.Steps[1]);
        Assert.Equal(new LogonAllStep(3, new SourcePosition(9, 5), "Dc1"), scenario.Steps[2]);
        Assert.Equal(new SiteVersionStep(4, new SourcePosition(10, 5), A01, Sp2), scenario.Steps[3]);
    }

    [Theory]
    [InlineData(100_000, "WS000001")]
    [InlineData(100_000, "WS100000")]
    [InlineData(1_000_000, "WS1000000")]
    [InlineData(1_000_000, "WS0000001")]
    [InlineData(10_000_000, "WS10000000")]
    public void StepsNamingGeneratedClients_Load(int count, string name)
    {
        var scenario = LoadAssert.Valid($$"""
            sites: [{code: A01, version: 2.00.1380.1000}]
            generate: [{count: {{count}}, prefix: WS, addresses: 10.0.0.0/8}]
            steps: [{maintenance: {{name}}}]
            """);

        var step = Assert.IsType<MaintenanceStep>(Assert.Single(scenario.Steps));
        Assert.Equal(name, step.Client);
        Assert.Equal(name, scenario.Generate[0].NameOf(int.Parse(name[2..], System.Globalization.CultureInfo.InvariantCulture) - 1));
    }

    [Fact]
    public void AnchorsAndAliases_ShareValues()
    {
        var scenario = LoadAssert.Valid("""
            sites:
              - code: A01
                version: &sp1 2.00.1380.1000
                boundaries: &hq [10.1.0.0/16, 10.3.0.0/24]
              - {code: B01, version: *sp1, boundaries: *hq}
            """);

        Assert.Equal(scenario.Sites[0].Boundaries, scenario.Sites[1].Boundaries);
        Assert.Equal(Sp1, scenario.Sites[1].Version);
    }

    [Fact]
    public void CoreSchemaBooleansAndExplicitNulls_AreAccepted()
    {
        var scenario = LoadAssert.Valid("""
            sites: [{code: A01, name: ~, version: "2.00.1380.1000"}]
            clients:
              - {name: PC1, addresses: ["10.1.0.5", "2001:db8::5"], installed: null, sites: [], travel: True}
              - {name: PC2, addresses: [10.1.0.6], travel: FALSE}
            steps: [{maintenanceAll: TRUE}]
            """);

        Assert.Null(scenario.Sites[0].Name);
        Assert.True(scenario.Clients[0].Travel);
        Assert.True(scenario.Clients[0].Addresses[1].IsIPv6);
        Assert.False(scenario.Clients[1].Travel);
    }
}
