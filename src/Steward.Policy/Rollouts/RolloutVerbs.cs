namespace Steward.Policy.Rollouts;

/// <summary>
/// The verbs an administrator applies to a rollout by name (the API's words, the console's buttons, a scenario's
/// steps) and the lifecycle function each one is: one table, so that the server, the console and the simulator agree.
/// </summary>
public static class RolloutVerbs
{
    /// <summary><see cref="RolloutLifecycle.Promote"/>.</summary>
    public const string Promote = "promote";

    /// <summary><see cref="RolloutLifecycle.Halt"/>.</summary>
    public const string Halt = "halt";

    /// <summary><see cref="RolloutLifecycle.Resume"/>.</summary>
    public const string Resume = "resume";

    /// <summary><see cref="RolloutLifecycle.Abort"/>.</summary>
    public const string Abort = "abort";

    /// <summary><see cref="RolloutLifecycle.Rollback"/>.</summary>
    public const string Rollback = "rollback";

    /// <summary>
    /// The verbs that change a rollout's state and nothing else, in the order the console offers them; a rollback,
    /// which also orders clients back, is apart from them.
    /// </summary>
    public static IReadOnlyList<string> StateVerbs { get; } = [Promote, Halt, Resume, Abort];

    /// <summary>True for one of <see cref="StateVerbs"/>.</summary>
    public static bool IsStateVerb(string? word) => word is Promote or Halt or Resume or Abort;

    /// <summary>What a rollout was once <paramref name="verb"/> applied: "halted" for halt.</summary>
    public static string PastOf(string verb) => verb switch
    {
        Promote => "promoted",
        Halt => "halted",
        Resume => "resumed",
        Abort => "aborted",
        Rollback => "rolled back",
        _ => throw new ArgumentException($"'{verb}' is not a rollout verb.", nameof(verb)),
    };

    /// <summary>
    /// Applies <paramref name="verb"/> to <paramref name="rollout"/> now, as <see cref="RolloutLifecycle"/> decides it
    /// (with its reason in words); a verb the state forbids is refused and changes nothing.
    /// </summary>
    /// <param name="verb">One of <see cref="StateVerbs"/> or <see cref="Rollback"/>.</param>
    /// <param name="rollout">The rollout as it is now.</param>
    /// <param name="pilotRunsTarget">For resume: true when every pilot client already runs exactly T.</param>
    /// <param name="now">The time.</param>
    /// <param name="style">How the reason writes times.</param>
    public static RolloutChange Apply(string verb, Rollout rollout, bool pilotRunsTarget, long now, TimeStyle style = TimeStyle.Scenario) => verb switch
    {
        Promote => RolloutLifecycle.Promote(rollout, now, style),
        Halt => RolloutLifecycle.Halt(rollout, now),
        Resume => RolloutLifecycle.Resume(rollout, pilotRunsTarget, now, style),
        Abort => RolloutLifecycle.Abort(rollout, now),
        Rollback => RolloutLifecycle.Rollback(rollout, now),
        _ => throw new ArgumentException($"'{verb}' is not a rollout verb.", nameof(verb)),
    };
}
