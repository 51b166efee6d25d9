namespace Steward.Protocol.Admin;

/// <summary>Sets a site's version; refused unless a package of that version is published.</summary>
/// <param name="Version">The new site version.</param>
public sealed record SiteVersionRequest(string? Version);
