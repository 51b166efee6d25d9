using Steward.Policy.Versions;
using Steward.Simulation.Forecasts;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Forecasts;

/// <summary>The forecast of a rollout on an exported fleet, and the pilot found by its exported names.</summary>
public sealed class RolloutForecastTests
{
    private const string F = "2.00.1493.2000";
    private const string T = "2.00.1493.2100";

    // The form the server's export writes: flow style, one line per client, a shared name as NAME~ID.
    private const string Export = """
        # The fleet of a Steward server, exported at 2026-12-02T10:00:00Z.
        sites:
          - {code: B01, version: 2.00.1493.2000, boundaries: [10.2.0.0/16]}
          - {code: C01, version: 2.00.1493.2000, boundaries: [10.3.0.0/16]}
        logonPoints:
          - {name: DC1, sites: [B01, C01]}
        clients:
          - {name: PC-1, addresses: [10.2.0.1], installed: 2.00.1493.2000, sites: [B01]}
          - {name: PC-2, addresses: [10.2.0.2], installed: 2.00.1493.2000, sites: [B01]}
          - {name: TWIN, addresses: [10.2.0.3], installed: 2.00.1493.2000, sites: [B01]}
          - {name: TWIN~0197-two, addresses: [10.2.0.4], installed: 2.00.1493.2000, sites: [B01]}
          - {name: "PC: quoted", addresses: [10.2.0.5], installed: 2.00.1493.2000, sites: [B01]}
          - {name: OTHER, addresses: [10.3.0.1], installed: 2.00.1493.2000, sites: [C01]}
        # 6 clients.
        """;

    [Fact]
    public void Forecast_UpgradesEveryClientOfTheSite_WithinTheWindowAndTwoCycles_AndCountsTheSitesClientsOnly()
    {
        var request = new ForecastRequest("B01", T, ["PC-1"], 24 * 3_600, 5, "0.05", Promoted: false);

        var forecast = RolloutForecast.Run(Export, request, new SimulationOptions { MaxDegreeOfParallelism = 1 });

        Assert.True(forecast.Success, string.Join("; ", forecast.Problems.Select(p => p.Message)));
        Assert.Equal(5, forecast.Upgraded);
        Assert.InRange(forecast.LastUpgradeHour!.Value, 1, (request.RunSeconds / 3_600) + 1);
        Assert.InRange(forecast.PeakPerHour, 1, 5);
        var last = forecast.Series[^1];
        Assert.Equal([new VersionCount(AgentVersion.Parse(F), 5)], forecast.Series[0].Versions);
        Assert.Equal([new VersionCount(AgentVersion.Parse(T), 5)], last.Versions);
    }

    [Fact]
    public void APilotTheExportLacks_IsAProblem_NotAForecast()
    {
        var forecast = RolloutForecast.Run(Export, new ForecastRequest("B01", T, ["NOBODY"], 0, 5, "0.05", Promoted: false));

        Assert.False(forecast.Success);
        Assert.Contains(forecast.Problems, p => p.Message.Contains("NOBODY", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarise_FindsTheLastUpgradeAndTheBusiestHour()
    {
        var f = AgentVersion.Parse(F);
        var t = AgentVersion.Parse(T);
        SeriesPoint Point(long hour, long atF, long atT) => new(hour, [new VersionCount(f, atF), new VersionCount(t, atT)]);

        var result = RolloutForecast.Summarise([Point(0, 10, 0), Point(1, 8, 2), Point(2, 3, 7), Point(3, 3, 7), Point(4, 0, 10), Point(5, 0, 10)], t, "ran");

        Assert.Equal((10L, 4L, 5L, 2L), (result.Upgraded, result.LastUpgradeHour!.Value, result.PeakPerHour, result.PeakHour!.Value));
        Assert.Null(RolloutForecast.Summarise([Point(0, 10, 0), Point(1, 10, 0)], t, "ran").LastUpgradeHour);
    }

    [Theory]
    [InlineData("pc-1", "PC-1")]
    [InlineData("0197-two", "TWIN~0197-two")]
    [InlineData("PC: quoted", "PC: quoted")]
    [InlineData("twin", "TWIN")]
    public void ExportedPilot_FindsAClientByNameOrTheIdItsSharedNameCarries(string entry, string exported)
    {
        var (names, problems) = ExportedPilot.Resolve(Export, [entry]);

        Assert.Empty(problems);
        Assert.Equal([exported], names);
    }

    [Fact]
    public void ExportedPilot_SaysWhyAnEntryNamesNoClient()
    {
        var (names, problems) = ExportedPilot.Resolve(Export, ["PC-9"]);

        Assert.Empty(names);
        Assert.Contains("pilot 'PC-9': no client of the export has this name", Assert.Single(problems), StringComparison.Ordinal);
    }
}
