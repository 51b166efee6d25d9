namespace Steward.Cli.Packages;

/// <summary>What <c>steward package build</c> was asked to do.</summary>
/// <param name="From">The directory whose files make the package.</param>
/// <param name="Version">The agent version the files are.</param>
/// <param name="EntryPoint">The program (a path inside the directory) that runs the agent.</param>
/// <param name="Output">The archive to write, or null for <c>steward-agent-VERSION.zip</c> in the working directory.</param>
/// <param name="Json">Print the manifest as JSON instead of a sentence.</param>
internal sealed record PackageBuildOptions(string From, string Version, string EntryPoint, string? Output, bool Json);
