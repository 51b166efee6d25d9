namespace Steward.Cli.Simulate;

/// <summary>What <c>steward simulate</c> was asked to do.</summary>
/// <param name="File">The scenario file.</param>
/// <param name="Output">Table for people or the JSON document of docs/RULES.md section 6.</param>
/// <param name="AllClients">Whether generated clients are listed too.</param>
public sealed record SimulateOptions(string File, OutputFormat Output, bool AllClients);
