using Steward.Cli.Admin;

namespace Steward.Cli.Clients;

/// <summary>What <c>steward client list</c> was asked to do; each filter is null when not given.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Site">Only clients assigned to this site.</param>
/// <param name="Version">Only clients with this installed version (<c>none</c>: without an agent, as the server reads it).</param>
/// <param name="Outcome">Only clients whose last decision had this outcome.</param>
/// <param name="SeenAfter">Only clients last seen at or after this time.</param>
/// <param name="SeenBefore">Only clients last seen before this time.</param>
/// <param name="Limit">The most clients to print.</param>
/// <param name="After">Start after the client with this id (the ids are in order).</param>
/// <param name="Inactive">Only clients the server counts as inactive (not seen for its <c>Steward:InactiveDays</c>).</param>
/// <param name="Health">Only clients of this health (<c>healthy</c>, <c>unhealthy</c>, <c>unknown</c>: the agent's daily self-check).</param>
internal sealed record ClientListOptions(
    AdminSwitches Admin, string? Site, string? Version, string? Outcome, DateTimeOffset? SeenAfter, DateTimeOffset? SeenBefore, int Limit, string? After, bool Inactive = false, string? Health = null);
