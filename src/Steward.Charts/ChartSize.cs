using System.Globalization;

namespace Steward.Charts;

/// <summary>A chart's size in pixels.</summary>
/// <param name="Width">Pixels across.</param>
/// <param name="Height">Pixels down.</param>
public readonly record struct ChartSize(int Width, int Height)
{
    /// <summary>The smallest side that still leaves room for the labels and a legend.</summary>
    public const int MinSide = 200;

    /// <summary>The largest side: a bigger bitmap is a mistake, not a chart.</summary>
    public const int MaxSide = 8_000;

    /// <summary>Fits a laptop screen, or a page of the console, without scaling down text.</summary>
    public static ChartSize Default { get; } = new(960, 540);

    /// <summary>Reads <c>WIDTHxHEIGHT</c> (like <c>1200x700</c>), each side from <see cref="MinSide"/> to <see cref="MaxSide"/>.</summary>
    public static bool TryParse(string? text, out ChartSize size)
    {
        size = default;
        var parts = text?.Split('x', 'X');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || width is < MinSide or > MaxSide || height is < MinSide or > MaxSide)
        {
            return false;
        }

        size = new ChartSize(width, height);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height}";
}
