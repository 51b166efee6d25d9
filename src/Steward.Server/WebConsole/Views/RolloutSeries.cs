using Steward.Policy.Versions;
using Steward.Server.Storage.Rows;
using Steward.Simulation.Running;

namespace Steward.Server.WebConsole.Views;

/// <summary>A rollout's hourly counts (rows of <c>rollout_hours</c>) as the simulator's series, so one chart code draws both.</summary>
internal static class RolloutSeries
{
    public static IReadOnlyList<SeriesPoint> Of(IReadOnlyList<RolloutHourRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.GroupBy(r => r.Hour).OrderBy(g => g.Key).Select(g => new SeriesPoint(
            g.Key,
            [.. g.Select(r => new VersionCount(r.Version.Length == 0 ? null : AgentVersion.TryParse(r.Version) is { Success: true } v ? v.Value : null, r.Clients))
                .GroupBy(c => c.Version).Select(c => new VersionCount(c.Key, c.Sum(x => x.Count))).OrderBy(c => c.Version.HasValue).ThenBy(c => c.Version)]))];
    }

    /// <summary>The forecast's points moved to hours from the rollout's start.</summary>
    public static IReadOnlyList<SeriesPoint> From(IReadOnlyList<SeriesPoint> forecast, long fromHour) =>
        [.. forecast.Select(p => p with { Hour = p.Hour + fromHour })];
}
