namespace Steward.Protocol.Admin;

/// <summary>A published agent package.</summary>
/// <param name="Version">The agent version the package holds.</param>
/// <param name="Sha256">The SHA-256 of the archive, lower-case hex; also its download name.</param>
/// <param name="Size">The archive's size in bytes.</param>
/// <param name="EntryPoint">The program inside the archive that runs the agent.</param>
/// <param name="Files">The number of files in the archive.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="PublishedBy">Who published it.</param>
public sealed record PackageView(string Version, string Sha256, long Size, string EntryPoint, int Files, DateTimeOffset PublishedAt, string PublishedBy);
