using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Simulation.Model;

/// <summary>A site as the scenario declares it.</summary>
public sealed record ScenarioSite(SiteCode Code, string? Name, AgentVersion Version, IReadOnlyList<Boundary> Boundaries, SourcePosition At);
