using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>Between a stored rollout and Policy's <see cref="Rollout"/>: the rows hold what Policy decides with.</summary>
internal static class RolloutRows
{
    /// <summary>The rollout a row holds; <paramref name="pilotCount"/> comes from its pilot rows.</summary>
    public static Rollout ToPolicy(RolloutRow row, int pilotCount)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Rollout
        {
            Id = row.Id,
            Site = SiteCode.ParseExact(row.Site),
            From = AgentVersion.Parse(row.FromVersion),
            To = AgentVersion.Parse(row.ToVersion),
            PilotCount = pilotCount,
            Window = row.WindowSeconds,
            HaltFailures = (int)row.HaltFailures,
            HaltRate = Rate.ParseExact(row.HaltRate),
            State = StateOf(row.State),
            HaltedIn = row.HaltedIn is null ? default : StateOf(row.HaltedIn),
            Started = row.Started,
            SpreadStart = row.SpreadStart,
            HaltedAt = row.HaltedAt,
            EndedAt = row.EndedAt,
            Successes = row.Successes,
            Failures = row.Failures,
            HaltReason = row.HaltReason,
            Superseded = row.Superseded != 0,
        };
    }

    /// <summary>The row of a rollout after a change: the revision moves on by one from <paramref name="before"/>'s.</summary>
    public static RolloutRow FromPolicy(Rollout rollout, RolloutRow before)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(before);
        return before with
        {
            State = RolloutStates.Word(rollout.State),
            HaltedIn = rollout.State == RolloutState.Halted ? RolloutStates.Word(rollout.HaltedIn) : null,
            SpreadStart = rollout.SpreadStart,
            HaltedAt = rollout.HaltedAt,
            EndedAt = rollout.EndedAt,
            Successes = rollout.Successes,
            Failures = rollout.Failures,
            HaltReason = rollout.HaltReason,
            Revision = before.Revision + 1,
        };
    }

    /// <summary>The first row of a rollout Policy has just started.</summary>
    public static RolloutRow New(Rollout rollout, string startedBy) =>
        FromPolicy(rollout, new RolloutRow
        {
            Id = rollout.Id,
            Site = rollout.Site.ToString(),
            FromVersion = rollout.From.ToString(),
            ToVersion = rollout.To.ToString(),
            WindowSeconds = rollout.Window,
            HaltFailures = rollout.HaltFailures,
            HaltRate = rollout.HaltRate.ToString(),
            Started = rollout.Started,
            StartedBy = startedBy,
            Revision = 0,
        });

    private static RolloutState StateOf(string word) =>
        RolloutStates.TryParse(word, out var state) ? state : throw new InvalidDataException($"A stored rollout has the state '{word}', which no version of Steward writes.");
}
