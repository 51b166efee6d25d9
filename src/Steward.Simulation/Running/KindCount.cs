using Steward.Policy.Decisions;

namespace Steward.Simulation.Running;

/// <summary>How many clients of a bulk step had their agent changed in one way.</summary>
/// <param name="Kind">The kind of change (hotfix or significant).</param>
/// <param name="Count">The number of clients.</param>
public readonly record struct KindCount(UpgradeKind Kind, long Count);
