namespace Steward.Agent.Layout;

/// <summary>What the completeness marker of a version records: the version and the program that runs it.</summary>
/// <param name="Version">The version, canonical.</param>
/// <param name="EntryPoint">The program's path inside the version directory.</param>
/// <param name="Sha256">The SHA-256 of the archive it came from.</param>
/// <param name="InstalledAt">When it passed its health check.</param>
internal sealed record CompleteMarker(string Version, string EntryPoint, string Sha256, DateTimeOffset InstalledAt);
