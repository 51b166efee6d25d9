using ScottPlot;

namespace Steward.Charts;

/// <summary>
/// The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008): eight colours that people
/// with the common colour-vision deficiencies still tell apart. Ordered so that the first versions
/// get the most distinct ones; yellow, faint on white, comes last. Beyond eight the colours repeat
/// with a dashed line, so no two series look the same.
/// </summary>
public static class OkabeIto
{
    /// <summary>The colours, in the order series take them.</summary>
    public static IReadOnlyList<Color> Colours { get; } =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#000000"), // black
        Color.FromHex("#F0E442"), // yellow
    ];

    /// <summary>The colour of series <paramref name="index"/> (from 0).</summary>
    public static Color ColourOf(int index) => Colours[index % Colours.Count];

    /// <summary>The line pattern of series <paramref name="index"/>: solid for the first eight, then dashed, then dotted.</summary>
    public static LinePattern PatternOf(int index) => (index / Colours.Count % 3) switch
    {
        0 => LinePattern.Solid,
        1 => LinePattern.Dashed,
        _ => LinePattern.Dotted,
    };
}
