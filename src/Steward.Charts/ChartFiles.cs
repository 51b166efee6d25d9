using System.Text;
using ScottPlot;

namespace Steward.Charts;

/// <summary>Renders a plot as SVG or PNG bytes.</summary>
public static class ChartFiles
{
    /// <summary>Writes <paramref name="plot"/> to <paramref name="output"/> in <paramref name="format"/>, <paramref name="size"/> pixels.</summary>
    public static void Write(Plot plot, ChartFormat format, ChartSize size, Stream output)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(output);
        var bytes = format == ChartFormat.Svg
            ? Encoding.UTF8.GetBytes(plot.GetSvgXml(size.Width, size.Height))
            : plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png);
        output.Write(bytes);
    }
}
