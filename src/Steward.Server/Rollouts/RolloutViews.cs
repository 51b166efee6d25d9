using Steward.Policy.Rollouts;
using Steward.Protocol.Admin;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>Rollouts as the API shows them, with the progress of their site's clients at a moment.</summary>
internal static class RolloutViews
{
    public static RolloutView Of(RolloutRow row, IReadOnlyList<string> pilot, RolloutProgress? progress, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(pilot);
        var rollout = RolloutRows.ToPolicy(row, pilot.Count);
        var spreading = rollout.State == RolloutState.Spreading || (rollout.State == RolloutState.Halted && rollout.HaltedIn == RolloutState.Spreading)
            || rollout.State == RolloutState.Complete || (rollout.State is RolloutState.Aborted or RolloutState.RolledBack && rollout.SpreadStart != 0);
        return new RolloutView(
            row.Id, row.Site, row.FromVersion, row.ToVersion, row.State, row.HaltedIn, Duration.Format(row.WindowSeconds), (int)row.HaltFailures, row.HaltRate, pilot,
            At(row.Started), row.StartedBy,
            spreading ? At(row.SpreadStart) : null,
            rollout.State == RolloutState.Spreading ? At(rollout.CompletesAt) : null,
            row.HaltedAt != 0 ? At(row.HaltedAt) : null,
            rollout.IsActive ? null : At(row.EndedAt),
            row.HaltReason, row.Successes, row.Failures, HaltRule.Standing(rollout), row.Revision, progress, reason);
    }

    /// <summary>The view of a rollout with its progress at <paramref name="now"/> (rollout seconds), and its downgrade order if it left one.</summary>
    public static RolloutView Of(RolloutProgressFacts facts, long now, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Of(facts.Rollout, facts.Pilot, Progress(facts, now), reason) with { Order = facts.Rollback is { } rollback ? RollbackViews.Of(rollback.Order, rollback.Clients) : null };
    }

    /// <summary>Each client of the site (and of the pilot) sorted by Policy into one state of the progress.</summary>
    public static RolloutProgress Progress(RolloutProgressFacts facts, long now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rollout = RolloutRows.ToPolicy(facts.Rollout, facts.Pilot.Count);
        var pilot = facts.Pilot.ToHashSet(StringComparer.Ordinal);
        var counts = new long[Enum.GetValues<ClientStanding>().Length];
        var waiting = new List<PilotClient>();
        foreach (var client in facts.Clients)
        {
            var isPilot = pilot.Contains(client.Id);
            var standing = ClientStandings.Of(rollout, rollout.SeatOf(client.Id, isPilot), client.Installed, Last(client.LastResult), now);
            counts[(int)standing]++;
            if (isPilot && standing is not ClientStanding.AtTarget && client.LastResult is null or AttemptResults.Open)
            {
                waiting.Add(new PilotClient(client.Id, client.Name, client.Installed?.ToString()));
            }
        }

        return new RolloutProgress(
            facts.Clients.Count, counts[(int)ClientStanding.AtTarget], counts[(int)ClientStanding.Scheduled], counts[(int)ClientStanding.AttemptOpen],
            counts[(int)ClientStanding.Failed], counts[(int)ClientStanding.NotYetSeen], waiting,
            [.. facts.Failures.Select(f => new FailureGroup(f.Message.Length == 0 ? "(no message)" : f.Message, f.Count))]);
    }

    internal static LastAttempt Last(string? result) => result switch
    {
        null => LastAttempt.None,
        AttemptResults.Open => LastAttempt.Open,
        AttemptResults.Succeeded => LastAttempt.Succeeded,
        _ => LastAttempt.Failed,
    };

    private static DateTimeOffset At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}
