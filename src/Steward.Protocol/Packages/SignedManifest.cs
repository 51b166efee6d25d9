namespace Steward.Protocol.Packages;

/// <summary>
/// What the server signs when a package is published: the version, the archive's size and SHA-256.
/// An agent checks the signature with the key it pinned at enrollment, then the size and hash of what
/// it downloaded against this, and only then opens the archive.
/// </summary>
/// <param name="Format">The format of this document; this is format 1.</param>
/// <param name="Version">The agent version of the package.</param>
/// <param name="Size">The archive's size in bytes.</param>
/// <param name="Sha256">The archive's SHA-256, lower-case hex.</param>
/// <param name="EntryPoint">The program inside the archive that runs the agent.</param>
/// <param name="PublishedAt">When it was published.</param>
public sealed record SignedManifest(int Format, string Version, long Size, string Sha256, string EntryPoint, DateTimeOffset PublishedAt);
