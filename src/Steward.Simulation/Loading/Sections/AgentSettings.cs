using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Simulation.Loading.Sections;

/// <summary>The starting state of a client's agent, shared by named clients and generate blocks.</summary>
/// <param name="Installed">The installed version, or null when the computer has no agent yet.</param>
/// <param name="Sites">The sites the client is assigned to.</param>
/// <param name="Travel">The travel flag.</param>
internal readonly record struct AgentSettings(AgentVersion? Installed, IReadOnlyList<SiteCode> Sites, bool Travel);
