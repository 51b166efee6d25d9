namespace Steward.Cli.Check;

/// <summary>What <c>steward check</c> was asked to do.</summary>
/// <param name="File">The scenario file.</param>
/// <param name="Output">How to print the warnings.</param>
public sealed record CheckOptions(string File, OutputFormat Output);
