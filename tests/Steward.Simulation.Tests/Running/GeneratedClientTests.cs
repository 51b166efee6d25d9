using System.Numerics;
using CsCheck;
using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Versions;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary>
/// Generated clients: named from their block, found by name without a stored string, and spread over
/// the block's boundary as <c>first + floor(i * size / count)</c> (docs/RULES.md section 6).
/// </summary>
public sealed class GeneratedClientTests
{
    [Fact]
    public void Fleet_NamedClientsFirstThenEachBlockInOrder()
    {
        var fleet = Start(new ScenarioBuilder()
            .Client("PC-A", ["10.1.0.1"])
            .Generate(3, "WS", "10.2.0.0/24", "2.00.1380.1000")
            .Generate(0, "EMPTY", "10.4.0.0/24")
            .Generate(2, "LAB-", "10.3.0.0/24", travel: true)
            .Client("PC-B", ["10.1.0.2"]));

        Assert.Equal(7, fleet.Count);
        Assert.Equal(2, fleet.NamedCount);
        Assert.Equal(["PC-A", "PC-B", "WS000001", "WS000002", "WS000003", "LAB-000001", "LAB-000002"], Enumerable.Range(0, 7).Select(fleet.NameOf));
        Assert.Equal(AgentVersion.Parse("2.00.1380.1000"), fleet.InstalledOf(4));
        Assert.Null(fleet.InstalledOf(5));
        Assert.False(fleet.IsTravelling(4));
        Assert.True(fleet.IsTravelling(6));
    }

    [Theory]
    [InlineData("WS000001", 1)]
    [InlineData("WS000003", 3)]
    [InlineData("ws000002", 2)]
    [InlineData("LAB-000002", 5)]
    [InlineData("PC-A", 0)]
    [InlineData("pc-a", 0)]
    [InlineData("WS000004", -1)]
    [InlineData("WS000000", -1)]
    [InlineData("WS00001", -1)]
    [InlineData("WS0000001", -1)]
    [InlineData("WS00000A", -1)]
    [InlineData("WS", -1)]
    [InlineData("LAB-WS000001", -1)]
    public void IndexOf_ParsesGeneratedNamesAndLooksUpNamedOnes(string name, int expected)
    {
        var fleet = Start(new ScenarioBuilder()
            .Client("PC-A", ["10.1.0.1"])
            .Generate(3, "WS", "10.2.0.0/24")
            .Generate(2, "LAB-", "10.3.0.0/24"));

        Assert.Equal(expected, fleet.IndexOf(name));
    }

    [Fact]
    public void IndexOf_ExactSpellingWinsOverAnotherCase()
    {
        var fleet = Start(new ScenarioBuilder().Client("pc1", ["10.1.0.1"]).Client("PC1", ["10.1.0.2"]));

        Assert.Equal(0, fleet.IndexOf("pc1"));
        Assert.Equal(1, fleet.IndexOf("PC1"));
        Assert.Equal(0, fleet.IndexOf("Pc1"));
    }

    [Fact]
    public void Step_NamingAGeneratedClient_DecidesForItAndPrintsItsName()
    {
        var run = SimulationRunner.Run(new ScenarioBuilder()
            .Site("A01", "2.00.1493.2000", "10.2.0.0/16")
            .LogonPoint("DC1", ["A01"])
            .Generate(5, "WS", "10.2.0.0/24")
            .Logon("ws000004", "DC1")
            .Build());

        var result = Assert.IsType<ClientStepResult>(Assert.Single(run.Results));
        Assert.Equal("WS000004", result.Client);
        Assert.Equal(Outcome.Installed, result.Outcome);
        Assert.Equal([null, null, null, AgentVersion.Parse("2.00.1493.2000"), null], Enumerable.Range(0, 5).Select(run.Fleet.InstalledOf));
    }

    [Theory]
    [InlineData("10.0.0.0/30", 4, new[] { "10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3" })]
    [InlineData("10.0.0.10-10.0.0.12", 3, new[] { "10.0.0.10", "10.0.0.11", "10.0.0.12" })]
    [InlineData("10.0.0.0/30", 3, new[] { "10.0.0.0", "10.0.0.1", "10.0.0.2" })]
    [InlineData("10.0.0.0/29", 4, new[] { "10.0.0.0", "10.0.0.2", "10.0.0.4", "10.0.0.6" })]
    [InlineData("10.9.9.9", 1, new[] { "10.9.9.9" })]
    [InlineData("0.0.0.0/0", 2, new[] { "0.0.0.0", "128.0.0.0" })]
    [InlineData("2001:db8::/64", 4, new[] { "2001:db8::", "2001:db8:0:0:4000::", "2001:db8:0:0:8000::", "2001:db8:0:0:c000::" })]
    [InlineData("::/0", 3, new[] { "::", "5555:5555:5555:5555:5555:5555:5555:5555", "aaaa:aaaa:aaaa:aaaa:aaaa:aaaa:aaaa:aaaa" })]
    [InlineData("::/0", 1, new[] { "::" })]
    [InlineData("2001:db8::fffe-2001:db8::1:1", 4, new[] { "2001:db8::fffe", "2001:db8::ffff", "2001:db8::1:0", "2001:db8::1:1" })]
    public void Addresses_SpreadOverTheBoundary(string boundary, int count, string[] expected)
    {
        var fleet = Start(new ScenarioBuilder().Generate(count, "WS", boundary));

        Assert.Equal(expected, Enumerable.Range(0, count).Select(i => Assert.Single(fleet.AddressesOf(i).ToArray()).ToString()));
    }

    [Fact]
    public void Addresses_AnyBlock_MatchTheFormulaInExactArithmetic() =>
        Gen.Select(Gen.Bool, Gen.Int[0, 128], Gen.Int[1, 40], Gen.UInt128)
            .Where(t => t.Item2 <= (t.Item1 ? 128 : 32) && (t.Item1 ? 128 : 32) - t.Item2 >= 6)
            .Sample((v6, prefix, count, seed) =>
            {
                var bits = v6 ? 128 : 32;
                var hostBits = bits - prefix;
                var mask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
                var familyMask = v6 ? UInt128.MaxValue : uint.MaxValue;
                var first = new NetworkAddress(v6, seed & familyMask & ~mask);
                var text = $"{first}/{prefix}";
                var fleet = Start(new ScenarioBuilder().Generate(count, "WS", text));
                var size = BigInteger.One << hostBits;
                for (var i = 0; i < count; i++)
                {
                    var expected = (BigInteger)first.Value + (i * size / count);
                    var actual = Assert.Single(fleet.AddressesOf(i).ToArray());
                    Assert.Equal(v6, actual.IsIPv6);
                    Assert.Equal(expected, (BigInteger)actual.Value);
                }
            }, iter: 300);

    [Fact]
    public void Start_BlockWithFewerAddressesThanClients_IsABrokenContract()
    {
        var scenario = new ScenarioBuilder().Generate(5, "WS", "10.0.0.0/30").Build();

        var error = Assert.Throws<ArgumentException>(() => SimulationSession.Start(scenario));
        Assert.Contains("10.0.0.0/30", error.Message, StringComparison.Ordinal);
    }

    private static Fleet Start(ScenarioBuilder builder) => SimulationSession.Start(builder.Build()).Fleet;
}
