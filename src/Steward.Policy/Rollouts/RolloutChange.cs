namespace Steward.Policy.Rollouts;

/// <summary>
/// The answer to a step of a rollout's lifecycle: <c>Applied</c> with the rollout after it, or
/// <c>Refused</c> with the rollout unchanged; a reason in words either way.
/// </summary>
/// <param name="Applied">False when the state forbids the step (docs/RULES.md section 5: <c>Refused</c>); nothing changed.</param>
/// <param name="Rollout">The rollout after the step (unchanged when refused); null for a refused start.</param>
/// <param name="Reason">What happened or why not, for a person.</param>
public sealed record RolloutChange(bool Applied, Rollout? Rollout, string Reason)
{
    internal static RolloutChange Refuse(Rollout? rollout, string reason) => new(false, rollout, reason);

    internal static RolloutChange Apply(Rollout rollout, string reason) => new(true, rollout, reason);
}
