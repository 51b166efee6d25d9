namespace Steward.Protocol.Agent;

/// <summary>
/// The result of the agent's daily self-check (<c>steward-agent doctor</c>), sent once with the next maintenance cycle.
/// </summary>
/// <param name="Healthy">True when every check passed.</param>
/// <param name="Failed">The names of the checks that failed (<c>pointer</c>, <c>files</c>, <c>state</c>, ...); empty when healthy.</param>
public sealed record HealthReport(bool? Healthy, IReadOnlyList<string>? Failed);
