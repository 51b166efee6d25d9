namespace Steward.Charts;

/// <summary>The image formats a chart is written in: SVG for pages and documents, PNG where a picture must be a bitmap.</summary>
public enum ChartFormat
{
    /// <summary>Scalable vector graphics: text stays text (searchable, sharp at any zoom).</summary>
    Svg,

    /// <summary>A bitmap of exactly the asked size.</summary>
    Png,
}

/// <summary>Which format a file name asks for.</summary>
public static class ChartFormats
{
    /// <summary>The format named by the file's extension (<c>.svg</c> or <c>.png</c>, any case), or null for any other.</summary>
    public static ChartFormat? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return ChartFormat.Svg;
        }

        return extension.Equals(".png", StringComparison.OrdinalIgnoreCase) ? ChartFormat.Png : null;
    }
}
