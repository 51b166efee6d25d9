using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Steward.Charts;

namespace Steward.Server.WebConsole.Views;

/// <summary>
/// The fleet as a stacked bar chart drawn on the server as inline SVG: one bar per site, one segment per
/// installed version, a legend, and colours from the Okabe–Ito palette, which stay distinct for colour-blind
/// readers. The page shows the same numbers as a table beside it, for screen readers and for copying.
/// </summary>
internal static class FleetChart
{
    // Narrow enough to stay legible when a phone scales it down, without a second drawing.
    private const int LabelWidth = 56;
    private const int BarWidth = 300;
    private const int CountWidth = 64;
    private const int LegendColumns = 2;
    private const int LegendColumn = 170;
    private const int Row = 30;
    private const int BarHeight = 20;
    private const int LegendRow = 22;

    // The versions take the charts' Okabe–Ito colours, in the same order; "no agent" is grey, apart from every version.
    private const string NoAgentColour = "#9a9a9a";

    /// <summary>A bar of the chart: the site's code and its clients per installed version ("none": no agent).</summary>
    public sealed record Bar(string Label, IReadOnlyDictionary<string, long> Versions);

    public static IHtmlContent Svg(IReadOnlyList<Bar> bars, string title)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var versions = bars.SelectMany(b => b.Versions.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var colours = versions.Select((v, i) => (v, v == "none" ? NoAgentColour : OkabeIto.ColourOf(i).ToHex())).ToDictionary(p => p.v, p => p.Item2, StringComparer.Ordinal);
        var largest = Math.Max(1, bars.Select(b => b.Versions.Values.Sum()).DefaultIfEmpty(0).Max());
        var width = LabelWidth + BarWidth + CountWidth;
        var legendRows = (versions.Count + LegendColumns - 1) / LegendColumns;
        var height = (bars.Count * Row) + 12 + (legendRows * LegendRow) + 8;
        var svg = new StringBuilder();
        var html = HtmlEncoder.Default;
        svg.Append(Invariant($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"fleet-chart-title\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append("<title id=\"fleet-chart-title\">").Append(html.Encode(title)).Append("</title>");
        for (var b = 0; b < bars.Count; b++)
        {
            var y = b * Row;
            var bar = bars[b];
            var total = bar.Versions.Values.Sum();
            svg.Append(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\" class=\"label\">")).Append(html.Encode(bar.Label)).Append("</text>");
            double x = LabelWidth;
            foreach (var version in versions.Where(bar.Versions.ContainsKey))
            {
                var w = BarWidth * (double)bar.Versions[version] / largest;
                svg.Append(Invariant($"<rect x=\"{x:0.##}\" y=\"{y + 1}\" width=\"{Math.Max(w, 1):0.##}\" height=\"{BarHeight}\" fill=\"{colours[version]}\">"))
                    .Append("<title>").Append(html.Encode(Invariant($"{bar.Label}: {bar.Versions[version]:N0} clients with {Named(version)}"))).Append("</title></rect>");
                x += w;
            }

            svg.Append(Invariant($"<text x=\"{x + 6:0.##}\" y=\"{y + 15}\" class=\"count\">{total:N0}</text>"));
        }

        var legendTop = (bars.Count * Row) + 12;
        for (var v = 0; v < versions.Count; v++)
        {
            var lx = LabelWidth + (v % LegendColumns * LegendColumn);
            var ly = legendTop + (v / LegendColumns * LegendRow);
            svg.Append(Invariant($"<rect x=\"{lx}\" y=\"{ly}\" width=\"14\" height=\"14\" fill=\"{colours[versions[v]]}\"/>"))
                .Append(Invariant($"<text x=\"{lx + 20}\" y=\"{ly + 12}\" class=\"legend\">")).Append(html.Encode(Named(versions[v]))).Append("</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    public static string Named(string version) => version == "none" ? VersionSeriesChart.NoAgent : version;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
