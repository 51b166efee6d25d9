using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using Steward.Policy.Versions;
using Steward.Simulation.Running;

namespace Steward.Charts;

/// <summary>
/// Clients per agent version over time, one line per version: the one chart code path for the
/// simulator's <c>run</c> steps (<c>steward simulate --chart</c>) and anything else that counts
/// clients per version at whole hours.
/// </summary>
public static class VersionSeriesChart
{
    /// <summary>What the legend calls clients that have no agent.</summary>
    public const string NoAgent = "no agent";

    /// <summary>The label of the horizontal axis, with its unit.</summary>
    public const string TimeAxis = "Time from the scenario's start (hours)";

    /// <summary>The label of the vertical axis, with its unit.</summary>
    public const string ClientsAxis = "Clients (count)";

    /// <summary>The plot of <paramref name="points"/>, titled <paramref name="title"/>; the caller renders and disposes it.</summary>
    /// <exception cref="ArgumentException">There are no points: nothing to draw.</exception>
    public static Plot Draw(string title, IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("a chart needs at least one point", nameof(points));
        }

        var plot = new Plot();
        var hours = points.Select(p => (double)p.Hour).ToArray();
        var versions = points.SelectMany(p => p.Versions).Select(v => v.Version).Distinct().OrderBy(v => v.HasValue).ThenBy(v => v).ToList();
        long highest = 0;
        for (var i = 0; i < versions.Count; i++)
        {
            var counts = points.Select(p => CountOf(p, versions[i])).ToArray();
            highest = Math.Max(highest, counts.Length == 0 ? 0 : (long)counts.Max());
            var line = plot.Add.ScatterLine(hours, counts);
            line.LegendText = versions[i]?.ToString() ?? NoAgent;
            line.Color = OkabeIto.ColourOf(i);
            line.LinePattern = OkabeIto.PatternOf(i);
            line.LineWidth = 2.5f;
            line.MarkerSize = points.Count == 1 ? 8 : 0;
        }

        // A sans-serif face reads better at small sizes; on Linux it is DejaVu Sans from fontconfig.
        plot.Font.Set(SansFamily);
        plot.Title(title, size: 18);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(TimeAxis);
        plot.YLabel(ClientsAxis);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = Thousands, TargetTickCount = 8 };
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = Thousands, TargetTickCount = 8 };
        var first = hours[0];
        var last = hours[^1] > first ? hours[^1] : first + 1;
        plot.Axes.SetLimits(first, last, 0, Math.Max(1, highest) * 1.05);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static double CountOf(SeriesPoint point, AgentVersion? version)
    {
        foreach (var count in point.Versions)
        {
            if (count.Version == version)
            {
                return count.Count;
            }
        }

        return 0;
    }

    // DejaVu Sans where it is installed (Debian's fonts-dejavu-core, which CI installs); otherwise the
    // sans-serif face ScottPlot finds on the machine.
    private static string SansFamily =>
        SkiaSharp.SKFontManager.Default.MatchFamily("DejaVu Sans") is { } typeface && typeface.FamilyName == "DejaVu Sans" ? "DejaVu Sans" : Fonts.Sans;

    private static string Thousands(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
