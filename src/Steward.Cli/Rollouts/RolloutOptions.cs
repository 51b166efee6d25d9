using Steward.Cli.Admin;

namespace Steward.Cli.Rollouts;

/// <summary>What <c>steward rollout show|promote|halt|resume|abort</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Id">The rollout's id.</param>
internal sealed record RolloutOptions(AdminSwitches Admin, string Id);

/// <summary>What <c>steward rollout start</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Site">The site's code.</param>
/// <param name="Version">T.</param>
/// <param name="Id">The rollout's id, or null for the server's.</param>
/// <param name="Pilot">Client ids or names.</param>
/// <param name="Window">The window (<c>3d</c>), or null for 0.</param>
/// <param name="HaltFailures">The halt rule's failures, or null for 5.</param>
/// <param name="HaltRate">The halt rule's rate as written (<c>0.05</c>), or null.</param>
/// <param name="DryRun">Start nothing: print the simulator's forecast on the server's fleet.</param>
internal sealed record RolloutStartOptions(
    AdminSwitches Admin, string Site, string Version, string? Id, IReadOnlyList<string> Pilot, string? Window, int? HaltFailures, string? HaltRate, bool DryRun = false);
