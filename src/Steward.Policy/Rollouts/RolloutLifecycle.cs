using System.Globalization;
using Steward.Policy.Versions;

namespace Steward.Policy.Rollouts;

/// <summary>
/// The lifecycle of a rollout (docs/RULES.md section 4): start, the pilot's end, completion, the automatic
/// halt, and the administrative verbs promote, halt, resume, abort and rollback. Each function takes
/// the time as a fact and answers what changed, in words; a verb the state forbids is refused and
/// changes nothing.
/// </summary>
public static class RolloutLifecycle
{
    /// <summary>Starts a rollout of a site now serving <paramref name="siteVersion"/>.</summary>
    /// <param name="request">The settings.</param>
    /// <param name="siteVersion">The site's version now: F.</param>
    /// <param name="activeOfSite">The site's active rollout, if it has one (then the start is refused).</param>
    /// <param name="pilotRunsTarget">True when every pilot client already runs exactly T (the pilot is then over at its start).</param>
    /// <param name="now">The time.</param>
    public static RolloutChange Start(RolloutRequest request, AgentVersion siteVersion, Rollout? activeOfSite, bool pilotRunsTarget, long now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (activeOfSite is not null)
        {
            return RolloutChange.Refuse(null, $"Site {request.Site} already has an active {activeOfSite.Name} ({RolloutStates.Word(activeOfSite.State)}, to {activeOfSite.To}); a site has at most one active rollout.");
        }

        if (request.To <= siteVersion)
        {
            return RolloutChange.Refuse(null, $"Site {request.Site} serves {siteVersion}; a rollout must bring a newer version than that, not {request.To}.");
        }

        var rollout = new Rollout
        {
            Id = request.Id,
            Site = request.Site,
            From = siteVersion,
            To = request.To,
            PilotCount = request.PilotCount,
            Window = request.Window,
            HaltFailures = request.HaltFailures,
            HaltRate = request.HaltRate,
            State = RolloutState.Pilot,
            Started = now,
        };
        var settings = $"window {Duration.Format(request.Window)}, halt at {request.HaltFailures} failures and {request.HaltRate.ToPercent()}";
        if (request.PilotCount == 0 || pilotRunsTarget)
        {
            var why = request.PilotCount == 0 ? "it has no pilot, so it spreads at once" : "every pilot client already runs it, so it spreads at once";
            return RolloutChange.Apply(
                rollout with { State = RolloutState.Spreading, SpreadStart = now },
                $"Started {rollout.Name} from {siteVersion} to {request.To} ({settings}): {why}, and completes when the window has passed.");
        }

        var pilot = request.PilotCount == 1 ? "1 pilot client" : $"{request.PilotCount} pilot clients";
        return RolloutChange.Apply(rollout, $"Started {rollout.Name} from {siteVersion} to {request.To} ({settings}): {pilot} first; it spreads when every one of them runs {request.To}, or when promoted.");
    }

    /// <summary><c>promote</c>: a rollout in pilot spreads now.</summary>
    public static RolloutChange Promote(Rollout rollout, long now, TimeStyle style = TimeStyle.Scenario)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return rollout.State != RolloutState.Pilot
            ? Refused(rollout, "promote", "only a rollout in pilot can be promoted")
            : RolloutChange.Apply(Spread(rollout, now), $"Promoted {rollout.Name}: it spreads from {Moments.Format(now, style)} over {Duration.Format(rollout.Window)}.");
    }

    /// <summary>
    /// The pilot ends by itself: a rollout in pilot spreads as soon as every pilot client runs exactly T.
    /// Null when nothing changes.
    /// </summary>
    public static RolloutChange? PilotSucceeded(Rollout rollout, bool pilotRunsTarget, long now, TimeStyle style = TimeStyle.Scenario)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return rollout.State == RolloutState.Pilot && pilotRunsTarget
            ? RolloutChange.Apply(Spread(rollout, now), $"Every pilot client of {rollout.Name} runs {rollout.To}: it spreads from {Moments.Format(now, style)} over {Duration.Format(rollout.Window)}.")
            : null;
    }

    /// <summary>
    /// A spreading rollout completes once <c>now ≥ spreadStart + W</c>, at that moment: the site's
    /// version becomes T. Null when it is not due.
    /// </summary>
    public static RolloutChange? CompleteIfDue(Rollout rollout, long now, TimeStyle style = TimeStyle.Scenario)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (rollout.State != RolloutState.Spreading || now < rollout.CompletesAt)
        {
            return null;
        }

        return RolloutChange.Apply(
            rollout with { State = RolloutState.Complete, EndedAt = rollout.CompletesAt },
            $"{Capital(rollout.Name)} completed at {Moments.Format(rollout.CompletesAt, style)}: site {rollout.Site} now serves {rollout.To} to every client.");
    }

    /// <summary><c>halt</c> by an administrator (in pilot or spreading).</summary>
    public static RolloutChange Halt(Rollout rollout, long now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return rollout.State is RolloutState.Pilot or RolloutState.Spreading
            ? RolloutChange.Apply(Halted(rollout, now, "an administrator halted it"), $"Halted {rollout.Name} ({Counts(rollout)}): only clients that already run {rollout.To} are served it until it resumes.")
            : Refused(rollout, "halt", "only a rollout in pilot or spreading can be halted");
    }

    /// <summary>
    /// <c>resume</c> (only when halted) back to the state it was halted in. Resumed into spreading,
    /// spreadStart moves forward by the time spent halted; resumed into pilot, it spreads at once when
    /// every pilot client now runs T.
    /// </summary>
    public static RolloutChange Resume(Rollout rollout, bool pilotRunsTarget, long now, TimeStyle style = TimeStyle.Scenario)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (rollout.State != RolloutState.Halted)
        {
            return Refused(rollout, "resume", "only a halted rollout can be resumed");
        }

        var halted = now - rollout.HaltedAt;
        if (rollout.HaltedIn == RolloutState.Spreading)
        {
            var moved = rollout with { State = RolloutState.Spreading, SpreadStart = rollout.SpreadStart + halted };
            return RolloutChange.Apply(moved, $"Resumed {rollout.Name} after {Duration.Format(halted)} halted: the window moves forward by as much, so it now completes at {Moments.Format(moved.CompletesAt, style)} and the remaining clients keep their places.");
        }

        var pilot = rollout with { State = RolloutState.Pilot };
        return pilotRunsTarget
            ? RolloutChange.Apply(Spread(pilot, now), $"Resumed {rollout.Name} into its pilot, and every pilot client runs {rollout.To}: it spreads from {Moments.Format(now, style)} over {Duration.Format(rollout.Window)}.")
            : RolloutChange.Apply(pilot, $"Resumed {rollout.Name} into its pilot: it spreads when every pilot client runs {rollout.To}, or when promoted.");
    }

    /// <summary><c>abort</c> (an active rollout): the site keeps F; clients that run T keep it.</summary>
    public static RolloutChange Abort(Rollout rollout, long now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return rollout.IsActive
            ? RolloutChange.Apply(
                rollout with { State = RolloutState.Aborted, EndedAt = now },
                $"Aborted {rollout.Name} ({Counts(rollout)}): site {rollout.Site} keeps {rollout.From}; clients that already run {rollout.To} keep it and stay assigned.")
            : Refused(rollout, "abort", "only an active rollout (pilot, spreading or halted) can be aborted");
    }

    /// <summary>
    /// <c>rollback</c> (an active rollout, or a complete one whose site has had no later rollout or
    /// <c>siteVersion</c>): ends it, the site's version returns to F, and a downgrade order from T stands
    /// until the site's next rollout or <c>siteVersion</c>.
    /// </summary>
    public static RolloutChange Rollback(Rollout rollout, long now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (!rollout.IsActive && (rollout.State != RolloutState.Complete || rollout.Superseded))
        {
            var why = rollout.State == RolloutState.Complete
                ? $"site {rollout.Site} has had a later rollout or siteVersion since it completed"
                : "only an active or complete rollout can be rolled back";
            return Refused(rollout, "rollback", why);
        }

        return RolloutChange.Apply(
            rollout with { State = RolloutState.RolledBack, EndedAt = now },
            $"Rolled back {rollout.Name}: site {rollout.Site} serves {rollout.From} again, and clients that run {rollout.To} are downgraded to it at their next maintenance cycle (never at logon); the order stands until the site's next rollout or siteVersion.");
    }

    /// <summary>
    /// Counts one upgrade attempt to T by a client still assigned to the site, and applies the halt rule
    /// when it failed: halted when a pilot client failed (in pilot or spreading), or when failures ≥
    /// haltFailures and failures ≥ haltRate × attempts. <see cref="RolloutChange.Applied"/> is true only
    /// when the rollout halted by it.
    /// </summary>
    /// <param name="rollout">An active rollout.</param>
    /// <param name="failed">True when the upgrade failed.</param>
    /// <param name="pilotClient">The failed client's name when it is one of the pilot's, else null.</param>
    /// <param name="now">The time.</param>
    public static RolloutChange Count(Rollout rollout, bool failed, string? pilotClient, long now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (!failed)
        {
            return RolloutChange.Refuse(rollout with { Successes = rollout.Successes + 1 }, "");
        }

        var counted = rollout with { Failures = rollout.Failures + 1 };
        if (rollout.State is not (RolloutState.Pilot or RolloutState.Spreading))
        {
            return RolloutChange.Refuse(counted, "");
        }

        string? cause = null;
        if (pilotClient is not null)
        {
            cause = $"pilot client {pilotClient} failed to upgrade to {rollout.To}";
        }
        else if (HaltRule.IsReached(counted))
        {
            cause = RateCause(counted);
        }

        return cause is null
            ? RolloutChange.Refuse(counted, "")
            : RolloutChange.Apply(Halted(counted, now, cause), $"{Capital(rollout.Name)} is halted: {cause}.");
    }

    /// <summary><c>6 of 80 upgrades failed (7.5 % ≥ 5 %)</c>.</summary>
    public static string RateCause(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var attempts = rollout.Successes + rollout.Failures;
        return string.Create(CultureInfo.InvariantCulture, $"{rollout.Failures} of {attempts} upgrade{(attempts == 1 ? "" : "s")} failed ({Rate.Percent(rollout.Failures, attempts)} ≥ {rollout.HaltRate.ToPercent()})");
    }

    private static Rollout Spread(Rollout rollout, long now) => rollout with { State = RolloutState.Spreading, SpreadStart = now };

    private static Rollout Halted(Rollout rollout, long now, string cause) =>
        rollout with { State = RolloutState.Halted, HaltedIn = rollout.State, HaltedAt = now, HaltReason = cause };

    private static RolloutChange Refused(Rollout rollout, string verb, string why) =>
        RolloutChange.Refuse(rollout, $"Cannot {verb} {rollout.Name}: it is {RolloutStates.Word(rollout.State)}, and {why}.");

    private static string Counts(Rollout rollout) =>
        string.Create(CultureInfo.InvariantCulture, $"{rollout.Successes} upgrade{(rollout.Successes == 1 ? "" : "s")} succeeded, {rollout.Failures} failed");

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
