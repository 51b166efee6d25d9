namespace Steward.Protocol.Admin;

/// <summary>A site as the server holds it.</summary>
/// <param name="Code">The site code, upper case.</param>
/// <param name="Name">The name, or null.</param>
/// <param name="Version">The site version, canonical.</param>
/// <param name="Line">The release line of the version (<c>2.00.1493.2xxx</c>).</param>
/// <param name="Boundaries">The boundaries, canonical.</param>
/// <param name="Revision">Increases with every change; sent back in <c>If-Match</c> to update safely.</param>
public sealed record SiteView(string Code, string? Name, string Version, string Line, IReadOnlyList<string> Boundaries, long Revision);
