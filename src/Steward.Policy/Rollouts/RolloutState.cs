namespace Steward.Policy.Rollouts;

/// <summary>
/// Where a rollout stands: <c>pilot</c> → <c>spreading</c> → <c>complete</c>, or <c>halted</c>,
/// <c>aborted</c>, <c>rolledBack</c>. Active in pilot, spreading and halted.
/// </summary>
public enum RolloutState : byte
{
    /// <summary>Only the pilot clients' gates are open.</summary>
    Pilot,

    /// <summary>Every pilot gate is open and every other client's opens at its slot in the window.</summary>
    Spreading,

    /// <summary>The window has passed: the site's version is the rollout's and it gates no one.</summary>
    Complete,

    /// <summary>Stopped by the halt rule or an administrator: only clients that already run the new version are served it.</summary>
    Halted,

    /// <summary>Ended by an administrator: the site keeps the version it had.</summary>
    Aborted,

    /// <summary>Ended by an administrator, with the site back at the version it had and a downgrade order.</summary>
    RolledBack,
}

/// <summary>The words of the states, as the scenario format and the API spell them.</summary>
public static class RolloutStates
{
    /// <summary><c>pilot</c>, <c>spreading</c>, <c>complete</c>, <c>halted</c>, <c>aborted</c>, <c>rolledBack</c>.</summary>
    public static string Word(RolloutState state) => state switch
    {
        RolloutState.Pilot => "pilot",
        RolloutState.Spreading => "spreading",
        RolloutState.Complete => "complete",
        RolloutState.Halted => "halted",
        RolloutState.Aborted => "aborted",
        _ => "rolledBack",
    };

    /// <summary>The state a word names (<see cref="Word"/>'s inverse), exactly as spelled; false for any other text.</summary>
    public static bool TryParse(string? word, out RolloutState state)
    {
        foreach (var candidate in Enum.GetValues<RolloutState>())
        {
            if (string.Equals(Word(candidate), word, StringComparison.Ordinal))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>True in pilot, spreading and halted: the rollout decides what its site serves.</summary>
    public static bool IsActive(RolloutState state) => state is RolloutState.Pilot or RolloutState.Spreading or RolloutState.Halted;
}
