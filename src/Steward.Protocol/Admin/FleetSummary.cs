namespace Steward.Protocol.Admin;

/// <summary>The fleet: clients per site and installed version.</summary>
/// <param name="Sites">One entry per site, by code.</param>
/// <param name="Clients">Every enrolled client.</param>
/// <param name="Unassigned">Clients assigned to no site.</param>
public sealed record FleetSummary(IReadOnlyList<FleetSite> Sites, long Clients, long Unassigned);

/// <summary>One site's clients.</summary>
/// <param name="Code">The site code.</param>
/// <param name="Version">The site version.</param>
/// <param name="Clients">Clients assigned to the site.</param>
/// <param name="Versions">Clients by installed version (a client without an agent counts under <c>none</c>).</param>
public sealed record FleetSite(string Code, string Version, long Clients, IReadOnlyDictionary<string, long> Versions);
