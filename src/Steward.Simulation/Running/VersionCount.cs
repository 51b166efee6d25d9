using Steward.Policy.Versions;

namespace Steward.Simulation.Running;

/// <summary>How many clients run one agent version.</summary>
/// <param name="Version">The installed version; null for clients with no agent.</param>
/// <param name="Count">The number of clients.</param>
public readonly record struct VersionCount(AgentVersion? Version, long Count);
