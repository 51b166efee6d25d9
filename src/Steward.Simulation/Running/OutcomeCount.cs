using Steward.Policy.Decisions;

namespace Steward.Simulation.Running;

/// <summary>How many clients of a bulk step got an outcome.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Count">The number of clients.</param>
public readonly record struct OutcomeCount(Outcome Outcome, long Count);
