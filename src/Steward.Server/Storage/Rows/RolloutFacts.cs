using Steward.Policy.Rollouts;
using Steward.Policy.Versions;

namespace Steward.Server.Storage.Rows;

/// <summary>What an administrator asks for when starting a rollout, checked and canonical; the pilot by client id.</summary>
internal sealed record RolloutStart(string Id, string Site, string To, IReadOnlyList<string> Pilot, long Window, int HaltFailures, string HaltRate, long Now, string StartedBy);

/// <summary>The administrator's verbs on a rollout.</summary>
/// <summary>A rollback as an administrator asks for it: the order's new id, when (rollout seconds), who and why.</summary>
internal sealed record RollbackOrder(string RolloutId, string OrderId, string? Reason, long Now, string By);

/// <summary>The facts of a rollout's progress: the rollout, its pilot, the site's clients with their last attempt in it, its failures by message.</summary>
internal sealed record RolloutProgressFacts(RolloutRow Rollout, IReadOnlyList<string> Pilot, IReadOnlyList<RolloutClientRow> Clients, IReadOnlyList<FailureGroupRow> Failures, long OpenAttempts)
{
    /// <summary>For a rolled-back rollout: its downgrade order, and the clients it concerns with their last downgrade under it.</summary>
    public (DowngradeOrderRow Order, IReadOnlyList<RolloutClientRow> Clients)? Rollback { get; init; }
}

/// <summary>A client of a rollout's site (or of its pilot), with the result of its last attempt in the rollout (null: none).</summary>
internal sealed record RolloutClientRow
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public AgentVersion? Installed { get; init; }

    public string? LastResult { get; init; }
}

/// <summary>Failed attempts of a rollout with one message, and how many.</summary>
internal sealed record FailureGroupRow
{
    public string Message { get; init; } = "";

    public long Count { get; init; }
}

/// <summary>A rollout that changed state by itself (completed, spread, halted), with why in words.</summary>
internal sealed record RolloutSettled(RolloutRow Rollout, string Reason);

/// <summary>An upgrade the maintenance cycle offers a client: from its installed version to the target, with the sites it is still assigned to after the boundary check.</summary>
internal sealed record AttemptOpening(string Client, string? From, string To, IReadOnlyList<string> Sites, long NowMs)
{
    /// <summary>The id the offer carries (<c>SqlStore.NewAttemptId</c>), chosen by the caller so that the offer and its attempt are written together.</summary>
    public required string Id { get; init; }

    /// <summary>The sites the upgrade drops as unable to manage <see cref="To"/> (R3 step 3): applied with a success report.</summary>
    public IReadOnlyList<string> Drops { get; init; } = [];

    /// <summary>For a downgrade: the order it carries out (decision 0023); it then counts toward no rollout.</summary>
    public string? DowngradeOrder { get; init; }
}

/// <summary>An agent's report of an attempt: the id from the offer, the client that sends it, how it went.</summary>
internal sealed record AttemptReport(string AttemptId, string Client, bool Succeeded, string? Message, long Now, long NowMs);

/// <summary>How recording a report went.</summary>
internal enum AttemptReportStatus
{
    /// <summary>Counted now.</summary>
    Counted,

    /// <summary>The attempt was closed already (reported, or expired): counted nowhere again.</summary>
    AlreadyClosed,

    /// <summary>No attempt of this client has the id (none at all, or another client's): counted nowhere.</summary>
    Unknown,
}

/// <summary>The outcome of recording a report, with the rollouts it halted or spread.</summary>
internal sealed record AttemptReported(AttemptReportStatus Status, IReadOnlyList<RolloutSettled> Changed);

/// <summary>Rollouts by state word and attempts by result word.</summary>
internal sealed record RolloutTotals(IReadOnlyDictionary<string, long> Rollouts, IReadOnlyDictionary<string, long> Attempts);

/// <summary>An active rollout with its pilot's client ids, and the rollout as Policy decides with it (built once, when read).</summary>
internal sealed record ActiveRollout(RolloutRow Row, IReadOnlySet<string> Pilot, Rollout Rollout);

/// <summary>The active rollouts and the standing downgrade orders, read together for a decision.</summary>
internal sealed record LiveRolloutRows(IReadOnlyList<ActiveRollout> Active, IReadOnlyList<DowngradeOrderRow> Orders);
