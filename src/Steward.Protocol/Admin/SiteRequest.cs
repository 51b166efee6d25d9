namespace Steward.Protocol.Admin;

/// <summary>Creates or replaces a site.</summary>
/// <param name="Code">Three letters or digits (<c>A01</c>); in the path for a replacement.</param>
/// <param name="Name">A name for people; optional.</param>
/// <param name="Version">The site version: the agent version its access points serve. A package of it must be published.</param>
/// <param name="Boundaries">Subnets (<c>10.1.0.0/16</c>), inclusive ranges (<c>10.3.0.10-10.3.0.200</c>) or single addresses.</param>
public sealed record SiteRequest(string? Code, string? Name, string? Version, IReadOnlyList<string>? Boundaries);
