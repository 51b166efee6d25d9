using System.Globalization;

namespace Steward.Policy.Rollouts;

/// <summary>
/// The automatic halt's rate rule on its own (docs/RULES.md section 4): reached when failures ≥ haltFailures and
/// failures ≥ haltRate × (successes + failures), in integers. <see cref="RolloutLifecycle.Count"/> applies
/// it at each failure; a server also shows where a rollout stands against it.
/// </summary>
public static class HaltRule
{
    /// <summary>True when the rollout's counts reach its halt rule.</summary>
    public static bool IsReached(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return rollout.Failures >= rollout.HaltFailures && rollout.HaltRate.IsReachedBy(rollout.Failures, rollout.Successes + rollout.Failures);
    }

    /// <summary>
    /// Where the counts stand against the rule, in words: <c>2 of 40 upgrades failed (5 %); it halts at 5
    /// failures when they are at least 5 % of the upgrades</c>.
    /// </summary>
    public static string Standing(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var attempts = rollout.Successes + rollout.Failures;
        var counts = attempts == 0
            ? "no upgrade has been reported yet"
            : string.Create(CultureInfo.InvariantCulture, $"{rollout.Failures} of {attempts} upgrade{(attempts == 1 ? "" : "s")} failed ({Rate.Percent(rollout.Failures, attempts)})");
        var rule = string.Create(CultureInfo.InvariantCulture, $"it halts at {rollout.HaltFailures} failure{(rollout.HaltFailures == 1 ? "" : "s")} when they are at least {rollout.HaltRate.ToPercent()} of the upgrades, and at any pilot client's failure");
        return IsReached(rollout) ? $"{counts}: the halt rule is reached" : $"{counts}; {rule}";
    }
}
