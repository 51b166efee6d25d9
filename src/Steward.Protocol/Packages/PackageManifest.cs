namespace Steward.Protocol.Packages;

/// <summary>
/// The manifest inside every package archive (<c>steward-package.json</c>, its first entry): the agent
/// version it holds, the program that runs it, and every file with its size and SHA-256.
/// </summary>
/// <param name="Format">The manifest format; this is format 1.</param>
/// <param name="Version">The agent version, canonical.</param>
/// <param name="EntryPoint">The path (inside the archive) of the program that runs the agent.</param>
/// <param name="Files">Every file of the package but the manifest, sorted by path.</param>
public sealed record PackageManifest(int Format, string Version, string EntryPoint, IReadOnlyList<PackageFile> Files);

/// <summary>One file of a package.</summary>
/// <param name="Path">Its path inside the archive, with '/' separators, relative, without '..'.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
/// <param name="Executable">True when it is to be marked executable on Unix.</param>
public sealed record PackageFile(string Path, long Size, string Sha256, bool Executable);
