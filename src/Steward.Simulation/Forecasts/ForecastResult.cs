using Steward.Simulation.Model;
using Steward.Simulation.Running;

namespace Steward.Simulation.Forecasts;

/// <summary>What the simulator foresees for a rollout: clients per version per hour, and the figures people ask first.</summary>
/// <param name="Series">Clients per version at each whole hour from the forecast's start.</param>
/// <param name="Upgraded">How many more clients run the new version at the end than at the start.</param>
/// <param name="LastUpgradeHour">The hour (from the start) by which the last client has upgraded; null when none would.</param>
/// <param name="PeakPerHour">The most clients that upgrade within one hour.</param>
/// <param name="PeakHour">The hour those upgrades end in; null when none would upgrade.</param>
/// <param name="Reason">What the simulated run did, in the simulator's words.</param>
/// <param name="Problems">Why the export and the rollout could not be simulated (then nothing else is set).</param>
public sealed record ForecastResult(
    IReadOnlyList<SeriesPoint> Series,
    long Upgraded,
    long? LastUpgradeHour,
    long PeakPerHour,
    long? PeakHour,
    string Reason,
    IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>True when the forecast ran.</summary>
    public bool Success => Problems.Count == 0;
}
