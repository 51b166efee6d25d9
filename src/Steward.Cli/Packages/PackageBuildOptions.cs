namespace Steward.Cli.Packages;

/// <summary>What <c>steward package build</c> was asked to do.</summary>
/// <param name="From">The published agent's directory.</param>
/// <param name="Version">The version it holds, as typed.</param>
/// <param name="EntryPoint">The program's path inside the directory, or null for the default.</param>
/// <param name="Output">The archive to write, or null for the default name.</param>
/// <param name="Format">How to print the result.</param>
public sealed record PackageBuildOptions(string From, string Version, string? EntryPoint, string? Output, OutputFormat Format);
