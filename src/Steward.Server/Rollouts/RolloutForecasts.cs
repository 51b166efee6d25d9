using System.Collections.Concurrent;
using System.Text;
using Steward.Server.Scenarios;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Simulation.Forecasts;
using Steward.Simulation.Running;

namespace Steward.Server.Rollouts;

/// <summary>A rollout's forecast, made from the fleet as it stood at <see cref="MadeAt"/>, that many hours into the rollout.</summary>
internal sealed record RolloutForecastView(ForecastResult Result, long FromHour, DateTimeOffset MadeAt);

/// <summary>
/// The simulator's forecast for a rollout on the live fleet (decision 0024): the scenario export of the hierarchy
/// and every client, with the rollout's own settings (its pilot named as the export names it, promoted when
/// the pilot is over) and a run of its window, through <see cref="RolloutForecast"/> — the code
/// <c>steward rollout start --dry-run</c> runs. Made once per rollout and server process, the first time it
/// is asked for, and kept: it is what was foreseen, for the actual curve to be read against.
/// </summary>
internal sealed class RolloutForecasts(IStewardStore store, IRolloutClock clock, TimeProvider time)
{
    // Bounded by the rollouts ever viewed on this process; a forecast is a few thousand points.
    private readonly ConcurrentDictionary<string, Lazy<Task<RolloutForecastView>>> _made = new(StringComparer.Ordinal);

    /// <summary>The forecast of <paramref name="rollout"/>, made now unless made before; a failed attempt is not kept.</summary>
    public async Task<RolloutForecastView> ForAsync(RolloutRow rollout, IReadOnlyList<string> pilot)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var lazy = _made.GetOrAdd(rollout.Id, _ => new Lazy<Task<RolloutForecastView>>(() => MakeAsync(rollout, pilot)));
        try
        {
            // Not the request's token: one viewer leaving must not spoil the forecast another waits for.
            return await lazy.Value.ConfigureAwait(false);
        }
        catch (Exception)
        {
            _made.TryRemove(new KeyValuePair<string, Lazy<Task<RolloutForecastView>>>(rollout.Id, lazy));
            throw;
        }
    }

    private async Task<RolloutForecastView> MakeAsync(RolloutRow rollout, IReadOnlyList<string> pilot)
    {
        var madeAt = time.GetUtcNow();
        var now = await clock.NowAsync(CancellationToken.None).ConfigureAwait(false);
        var pilotIds = pilot.ToHashSet(StringComparer.Ordinal);
        var pilotNames = new List<string>();
        string export;
        var snapshot = await store.OpenFleetSnapshotAsync(CancellationToken.None).ConfigureAwait(false);
        await using (snapshot.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await ScenarioExport.WriteAsync(
                snapshot, buffer, madeAt, (client, name) =>
                {
                    if (pilotIds.Contains(client.Id))
                    {
                        pilotNames.Add(name);
                    }
                },
                CancellationToken.None).ConfigureAwait(false);
            export = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        var promoted = rollout.SpreadStart != 0;
        var request = new ForecastRequest(rollout.Site, rollout.ToVersion, pilotNames, rollout.WindowSeconds, (int)rollout.HaltFailures, rollout.HaltRate, promoted);

        // One thread: a forecast must not take the cores the server answers agents with.
        var result = await Task.Run(() => RolloutForecast.Run(export, request, new SimulationOptions { MaxDegreeOfParallelism = 1 })).ConfigureAwait(false);
        return new RolloutForecastView(result, Math.Max(0, now - rollout.Started) / 3_600, madeAt);
    }
}
