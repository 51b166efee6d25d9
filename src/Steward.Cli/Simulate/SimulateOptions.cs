using Steward.Charts;

namespace Steward.Cli.Simulate;

/// <summary>What <c>steward simulate</c> was asked to do.</summary>
/// <param name="File">The scenario file.</param>
/// <param name="Output">Table for people or the JSON document of docs/RULES.md section 6.</param>
/// <param name="AllClients">Whether generated clients are listed too.</param>
/// <param name="Chart">Where to draw the series of the <c>run</c> steps (<c>.svg</c> or <c>.png</c>); null: no chart.</param>
/// <param name="ChartSize">The chart's size in pixels.</param>
public sealed record SimulateOptions(string File, OutputFormat Output, bool AllClients, string? Chart = null, ChartSize? ChartSize = null);
