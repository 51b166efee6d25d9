using Steward.Protocol.Packages;

namespace Steward.Agent.Layout;

/// <summary>What the completeness marker of a version records: the version, the program that runs it, and its files.</summary>
/// <param name="Version">The version, canonical.</param>
/// <param name="EntryPoint">The program's path inside the version directory.</param>
/// <param name="Sha256">
/// The SHA-256 of the archive it came from; for a version placed from the Debian package, of the package
/// manifest it was placed by (there was no archive).
/// </param>
/// <param name="InstalledAt">When it passed its health check.</param>
/// <param name="Files">
/// Every file of the version with its size and SHA-256, as the package manifest listed them (that manifest came
/// inside the archive whose hash the server signed, or with the Debian package); what <c>doctor</c> checks the
/// files against. Null in markers written before the agent kept it.
/// </param>
internal sealed record CompleteMarker(string Version, string EntryPoint, string Sha256, DateTimeOffset InstalledAt, IReadOnlyList<PackageFile>? Files = null);
