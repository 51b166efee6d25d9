using Steward.Policy.Rollouts;

namespace Steward.Simulation.Forecasts;

/// <summary>A rollout to forecast on an exported fleet: the settings of <c>steward rollout start</c>, the pilot by its names in the export.</summary>
/// <param name="Site">The site's code.</param>
/// <param name="Version">The version the rollout brings.</param>
/// <param name="Pilot">The pilot clients' names as the export writes them.</param>
/// <param name="Window">The spread window, in seconds.</param>
/// <param name="HaltFailures">The halt rule's number of failures.</param>
/// <param name="HaltRate">The halt rule's rate, as written (0.05).</param>
/// <param name="Promoted">True when the pilot is over (the rollout spreads from the forecast's start).</param>
public sealed record ForecastRequest(string Site, string Version, IReadOnlyList<string> Pilot, long Window, int HaltFailures, string HaltRate, bool Promoted)
{
    /// <summary>The rollout's id inside the forecast's scenario.</summary>
    public const string RolloutId = "forecast";

    /// <summary>
    /// How long the forecast runs: the window and two maintenance cycles more (a client upgrades at its
    /// first cycle after its slot, and the pilot's clients at their first cycle).
    /// </summary>
    public long RunSeconds => Window + (2 * Model.Scenario.DefaultCycle);

    /// <summary>The window as a duration (<c>3d</c>).</summary>
    public string WindowText => Duration.Format(Window);
}
