using System.Globalization;
using System.Text;
using System.Text.Json;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Loading;
using Steward.Simulation.Running;

namespace Steward.Simulation.Forecasts;

/// <summary>
/// "What happens if I start this rollout now?" for a real fleet: the server's scenario export with three steps
/// added — the rollout, its promotion when the pilot is over, and a <c>run</c> of its window and two cycles — run
/// through the simulator, counting the site's clients (and the pilot's). One code path for <c>steward rollout start --dry-run</c> and the console's rollout page.
/// </summary>
public static class RolloutForecast
{
    /// <summary>Forecasts <paramref name="request"/> on the fleet of <paramref name="export"/> (the text of <c>GET /v1/scenario</c>).</summary>
    public static ForecastResult Run(string export, ForecastRequest request, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(request);
        var loaded = ScenarioLoader.Load(export + StepsOf(request));
        if (!loaded.Success)
        {
            return new ForecastResult([], 0, null, 0, null, "", loaded.Problems);
        }

        // The rollout's curve is its site's: the clients assigned to the site, and the pilot. The others would only add
        // their own versions to every hour (the whole hierarchy stays, so each remaining client is decided as before).
        var site = SiteCode.ParseExact(request.Site);
        var pilot = request.Pilot.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var scenario = loaded.Scenario with { Clients = [.. loaded.Scenario.Clients.Where(c => c.Sites.Contains(site) || pilot.Contains(c.Name))] };
        var run = SimulationRunner.Run(scenario, options).Results.OfType<RunStepResult>().Single();
        return Summarise(run.Series, AgentVersion.Parse(request.Version), run.Reason);
    }

    /// <summary>The steps appended to the export, in the scenario format (JSON strings are YAML scalars).</summary>
    public static string StepsOf(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var steps = new StringBuilder("\nsteps:\n");
        // Site, version and rate are written as the Policy parsers read them back (a rate must not be quoted); names are quoted.
        steps.Append("  - {rollout: ").Append(SiteCode.ParseExact(request.Site)).Append(", version: ").Append(AgentVersion.Parse(request.Version))
            .Append(", id: ").Append(ForecastRequest.RolloutId)
            .Append(", pilot: [").AppendJoin(", ", request.Pilot.Select(Quoted)).Append(']')
            .Append(", window: ").Append(request.WindowText)
            .Append(", haltFailures: ").Append(request.HaltFailures.ToString(CultureInfo.InvariantCulture))
            .Append(", haltRate: ").Append(Rate.ParseExact(request.HaltRate)).Append("}\n");
        if (request.Promoted)
        {
            steps.Append("  - {promote: ").Append(ForecastRequest.RolloutId).Append("}\n");
        }

        steps.Append("  - {run: ").Append(Duration.Format(request.RunSeconds)).Append("}\n");
        return steps.ToString();
    }

    /// <summary>The figures of a series: how many upgraded, when the last did, and the busiest hour.</summary>
    public static ForecastResult Summarise(IReadOnlyList<SeriesPoint> series, AgentVersion target, string reason)
    {
        ArgumentNullException.ThrowIfNull(series);
        long? last = null, peakHour = null;
        long peak = 0;
        for (var i = 1; i < series.Count; i++)
        {
            var gained = series[i].CountOf(target) - series[i - 1].CountOf(target);
            if (gained > 0)
            {
                last = series[i].Hour;
                if (gained > peak)
                {
                    (peak, peakHour) = (gained, series[i].Hour);
                }
            }
        }

        var upgraded = series.Count == 0 ? 0 : series[^1].CountOf(target) - series[0].CountOf(target);
        return new ForecastResult(series, upgraded, last, peak, peakHour, reason, []);
    }

    private static string Quoted(string text) => JsonSerializer.Serialize(text);
}
