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

    /// <summary>The label of the horizontal axis of a rollout's chart, with its unit.</summary>
    public const string RolloutTimeAxis = "Time from the rollout's start (hours)";

    /// <summary>What the legend adds to a forecast's version.</summary>
    public const string ForecastSuffix = " (forecast)";

    /// <summary>The plot of <paramref name="points"/>, titled <paramref name="title"/>; the caller renders and disposes it.</summary>
    /// <exception cref="ArgumentException">There are no points: nothing to draw.</exception>
    public static Plot Draw(string title, IReadOnlyList<SeriesPoint> points) => DrawOver(title, TimeAxis, points, []);

    /// <summary>
    /// The plot of <paramref name="actual"/> (solid lines) over <paramref name="forecast"/> (thin dashed lines of the same
    /// version's colour, "(forecast)" in the legend), on one time axis labelled <paramref name="timeAxis"/>.
    /// </summary>
    /// <exception cref="ArgumentException">There are no points in either: nothing to draw.</exception>
    public static Plot DrawOver(string title, string timeAxis, IReadOnlyList<SeriesPoint> actual, IReadOnlyList<SeriesPoint> forecast)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(timeAxis);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecast);
        if (actual.Count == 0 && forecast.Count == 0)
        {
            throw new ArgumentException("a chart needs at least one point", nameof(actual));
        }

        var plot = new Plot();

        // One colour per version across both series, so a version's forecast and its actual count match.
        var versions = actual.Concat(forecast).SelectMany(p => p.Versions).Select(v => v.Version).Distinct().OrderBy(v => v.HasValue).ThenBy(v => v).ToList();
        var highest = Math.Max(AddLines(plot, forecast, versions, isForecast: true), AddLines(plot, actual, versions, isForecast: false));

        // A sans-serif face reads better at small sizes; on Linux it is DejaVu Sans from fontconfig.
        plot.Font.Set(SansFamily);
        plot.Title(title, size: 18);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(timeAxis);
        plot.YLabel(ClientsAxis);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = Thousands, TargetTickCount = 8 };
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = Thousands, TargetTickCount = 8 };
        var hours = actual.Concat(forecast).Select(p => (double)p.Hour).ToList();
        var first = hours.Min();
        var last = hours.Max() > first ? hours.Max() : first + 1;
        plot.Axes.SetLimits(first, last, 0, Math.Max(1, highest) * 1.05);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    // One line per version present in the points; returns the highest count drawn.
    private static long AddLines(Plot plot, IReadOnlyList<SeriesPoint> points, List<AgentVersion?> versions, bool isForecast)
    {
        if (points.Count == 0)
        {
            return 0;
        }

        var hours = points.Select(p => (double)p.Hour).ToArray();
        long highest = 0;
        for (var i = 0; i < versions.Count; i++)
        {
            if (!points.Any(p => p.Versions.Any(v => v.Version == versions[i])))
            {
                continue;
            }

            var counts = points.Select(p => (double)p.CountOf(versions[i])).ToArray();
            highest = Math.Max(highest, (long)counts.Max());
            var line = plot.Add.ScatterLine(hours, counts);
            line.LegendText = (versions[i]?.ToString() ?? NoAgent) + (isForecast ? ForecastSuffix : "");
            line.Color = OkabeIto.ColourOf(i);
            line.LinePattern = isForecast ? LinePattern.Dashed : OkabeIto.PatternOf(i);
            line.LineWidth = isForecast ? 1.5f : 2.5f;
            line.MarkerSize = points.Count == 1 ? 8 : 0;
        }

        return highest;
    }

    // DejaVu Sans where it is installed (Debian's fonts-dejavu-core, which CI installs); otherwise the
    // sans-serif face ScottPlot finds on the machine. Looked up once: each look-up makes a typeface to dispose of.
    private static readonly string SansFamily = FindSansFamily();

    private static string FindSansFamily()
    {
        using var typeface = SkiaSharp.SKFontManager.Default.MatchFamily("DejaVu Sans");
        return typeface?.FamilyName == "DejaVu Sans" ? "DejaVu Sans" : Fonts.Sans;
    }

    private static string Thousands(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
