namespace Steward.Policy.Rollouts;

/// <summary>
/// Where one client sits in one rollout: whether it is a pilot client, and its offset in the window
/// (<see cref="Rollout.OffsetOf"/>). Both follow from the client's key and the rollout alone, so a
/// caller computes them once per client and rollout, and a decision compares integers.
/// </summary>
/// <param name="Pilot">True for a pilot client.</param>
/// <param name="Offset">Seconds after spreadStart at which the client's gate opens.</param>
public readonly record struct RolloutSeat(bool Pilot, long Offset);
