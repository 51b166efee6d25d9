using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Rollouts;

/// <summary>What an administrator asks for when starting a rollout.</summary>
/// <param name="Id">The rollout's id.</param>
/// <param name="Site">The site.</param>
/// <param name="To">The version T.</param>
/// <param name="PilotCount">How many distinct clients the pilot names.</param>
/// <param name="Window">The window W, in seconds.</param>
/// <param name="HaltFailures">The halt rule's least number of failures.</param>
/// <param name="HaltRate">The halt rule's least share of failures.</param>
public sealed record RolloutRequest(string Id, SiteCode Site, AgentVersion To, int PilotCount, long Window, int HaltFailures, Rate HaltRate);
