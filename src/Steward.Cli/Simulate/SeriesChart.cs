using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;
using Steward.Policy.Versions;
using Steward.Simulation.Running;

namespace Steward.Cli.Simulate;

/// <summary>
/// The series of a <c>run</c> as a chart for the terminal: one row per version, a sparkline of block
/// characters over the run's hours (each column the share of agents on that version, sampled evenly),
/// and the count at the start and the end.
/// </summary>
public static class SeriesChart
{
    /// <summary>The most columns a sparkline takes; longer runs are sampled.</summary>
    public const int MaxColumns = 48;

    private const string Blocks = " ▁▂▃▄▅▆▇█";

    /// <summary>The chart, or a line saying there is nothing to chart.</summary>
    public static IRenderable Of(RunStepResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var points = Sampled(run.Series);
        if (points.Count == 0)
        {
            return new Text($"Step {run.Number}: the run covers no whole hour, so it has no series.\n");
        }

        var versions = run.Series.SelectMany(p => p.Versions).Select(v => v.Version!.Value).Distinct().Order().ToList();
        var table = new Table
        {
            Title = new TableTitle($"Step {run.Number}: agents per version, hour {points[0].Hour} to {points[^1].Hour}"),
            Border = TableBorder.Rounded,
        };
        table.AddColumns("Version", "Over time");
        table.AddColumn("First", c => c.RightAligned());
        table.AddColumn("Last", c => c.RightAligned());
        foreach (var version in versions)
        {
            table.AddRow(
                new Text(version.ToString()),
                new Text(Sparkline(points, version)),
                new Text(points[0].CountOf(version).ToString("N0", CultureInfo.InvariantCulture)),
                new Text(points[^1].CountOf(version).ToString("N0", CultureInfo.InvariantCulture)));
        }

        return table;
    }

    /// <summary>One block character per point: the version's share of all agents at that hour, in eighths.</summary>
    public static string Sparkline(IReadOnlyList<SeriesPoint> points, AgentVersion version)
    {
        ArgumentNullException.ThrowIfNull(points);
        var line = new StringBuilder(points.Count);
        foreach (var point in points)
        {
            var total = point.Versions.Sum(v => v.Count);
            var share = total == 0 ? 0 : (int)Math.Round(8.0 * point.CountOf(version) / total, MidpointRounding.AwayFromZero);
            line.Append(Blocks[share]);
        }

        return line.ToString();
    }

    // Evenly spaced points, the first and the last always among them.
    private static List<SeriesPoint> Sampled(IReadOnlyList<SeriesPoint> series)
    {
        if (series.Count <= MaxColumns)
        {
            return [.. series];
        }

        var sampled = new List<SeriesPoint>(MaxColumns);
        for (var i = 0; i < MaxColumns; i++)
        {
            sampled.Add(series[(int)((long)i * (series.Count - 1) / (MaxColumns - 1))]);
        }

        return sampled;
    }
}
