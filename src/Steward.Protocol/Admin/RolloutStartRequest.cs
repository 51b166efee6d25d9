namespace Steward.Protocol.Admin;

/// <summary>Starts a rollout: site S goes from its version now (F) to <paramref name="Version"/> (T) step by step.</summary>
/// <param name="Site">The site's code.</param>
/// <param name="Version">T: a published version newer than the site's.</param>
/// <param name="Id">The rollout's id (1 to 64 letters, digits, '.', '-' or '_'); default: the site, T and a number.</param>
/// <param name="Pilot">The pilot: client ids or names (a name must match one client); T goes to them first.</param>
/// <param name="Window">How long, once the pilot has succeeded, the other clients' turns are spread over: <c>0</c> or like <c>3d</c>, <c>36h</c>, <c>1d12h</c>; default 0.</param>
/// <param name="HaltFailures">The halt rule's least number of failures, from 0; default 5.</param>
/// <param name="HaltRate">The halt rule's least share of failures among reported upgrades, a decimal from 0 to 1 written as text (<c>"0.05"</c>); default 0.05.</param>
public sealed record RolloutStartRequest(string? Site, string? Version, string? Id, IReadOnlyList<string>? Pilot, string? Window, int? HaltFailures, string? HaltRate);
