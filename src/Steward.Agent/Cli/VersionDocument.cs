namespace Steward.Agent.Cli;

/// <summary>What <c>steward-agent version --json</c> prints: the health check a newly staged version must pass.</summary>
/// <param name="Program">Always <c>steward-agent</c>.</param>
/// <param name="Version">The agent version of this build, canonical.</param>
internal sealed record VersionDocument(string Program, string Version);
