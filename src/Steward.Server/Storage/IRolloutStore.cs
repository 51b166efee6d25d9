using Steward.Policy.Rollouts;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage;

/// <summary>
/// Rollouts, their upgrade attempts and the events for the webhook (docs/RULES.md section 4, decision 0018). Every
/// change of a rollout's state is decided by Policy's <see cref="RolloutLifecycle"/> on the row read under
/// the write's own lock, and written with its audit row (and, for a halt or a completion, its webhook
/// event) in one transaction. Lifecycle times (<c>now</c>) are Unix seconds on the rollout clock; times of
/// attempts and audit rows (<c>nowMs</c>) are Unix milliseconds.
/// </summary>
internal interface IRolloutStore
{
    /// <summary>The database's own clock, in Unix seconds: one clock for every server process on it.</summary>
    Task<long> DatabaseNowAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<RolloutRow>> ListRolloutsAsync(CancellationToken cancellationToken);

    Task<RolloutRow?> FindRolloutAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The active rollouts and the standing downgrade orders, as every decision reads them. On SQLite they are kept in
    /// memory until the next write transaction ends (decision 0026: only this process writes that database). A value task:
    /// every cycle asks, and a kept answer then costs no allocation.
    /// </summary>
    ValueTask<LiveRolloutRows> ReadLiveRolloutsAsync(CancellationToken cancellationToken);

    /// <summary>The active rollouts (at most one per site) with their pilots: what a decision's served versions are built from.</summary>
    Task<IReadOnlyList<ActiveRollout>> ListActiveRolloutsAsync(CancellationToken cancellationToken);

    /// <summary>The pilot's client ids of a rollout.</summary>
    Task<IReadOnlyList<string>> ListPilotAsync(string id, CancellationToken cancellationToken);

    /// <summary>The pilot's client ids of every rollout, sorted, by rollout id (none: an empty sequence).</summary>
    Task<ILookup<string, string>> ListPilotsAsync(CancellationToken cancellationToken);

    /// <summary>The clients whose id or name (ignoring case) is one of <paramref name="keys"/>.</summary>
    Task<IReadOnlyList<ClientRow>> FindClientsByIdOrNameAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a rollout of <see cref="RolloutStart.Site"/> with F its version now: NotFound without the site;
    /// refused (<see cref="RolloutRefused"/>) as Policy refuses, or (<see cref="PackageMissing"/>) when no package of T is published;
    /// AlreadyExists when the id is taken.
    /// </summary>
    Task<(StoreResult Result, RolloutRow? Row, string Reason)> StartRolloutAsync(RolloutStart start, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>
    /// Applies an administrator's verb (one of <c>RolloutVerbs.StateVerbs</c>: promote, halt, resume, abort) to the rollout
    /// as it is now: NotFound, or refused (<see cref="RolloutRefused"/>) when the verb is not allowed in its state.
    /// </summary>
    Task<(StoreResult Result, RolloutRow? Row, string Reason)> ChangeRolloutAsync(string id, string verb, long now, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>
    /// Rolls a rollout back (decision 0023): Policy decides on the row read under the lock (an active rollout, or
    /// a complete one whose site has not moved on); the site's version returns to F, and the downgrade order
    /// from T is recorded with the audit row, in one transaction. NotFound, or refused
    /// (<see cref="RolloutRefused"/>) with why, or (<see cref="RollbackPackageMissing"/>) when no package of F is published.
    /// </summary>
    Task<(StoreResult Result, RolloutRow? Row, string Reason)> RollbackRolloutAsync(RollbackOrder order, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>The downgrade orders that stand (at most one per site): what a decision's <c>Downgraded</c> is built from.</summary>
    Task<IReadOnlyList<DowngradeOrderRow>> ListStandingOrdersAsync(CancellationToken cancellationToken);

    /// <summary>A rolled-back rollout's downgrade order and the clients it concerns, each with its last downgrade under it; null when it left none.</summary>
    Task<(DowngradeOrderRow Order, IReadOnlyList<RolloutClientRow> Clients)?> ReadRollbackAsync(string id, CancellationToken cancellationToken);

    /// <summary>What a rollout's progress is computed from, read together; null when it does not exist.</summary>
    Task<RolloutProgressFacts?> ReadProgressAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Completes every spreading rollout due at <paramref name="now"/> (the site's version becomes T, its
    /// revision moves on) and spreads every rollout in pilot whose pilot clients all run T. Each in its own
    /// transaction, written only by the process whose conditional update finds it still unchanged: two
    /// processes that find one due write it once. Returns what changed, in words.
    /// </summary>
    Task<IReadOnlyList<RolloutSettled>> SettleRolloutsAsync(long now, long nowMs, CancellationToken cancellationToken);

    /// <summary>
    /// Records the agent's report of an attempt, once: the failure (or success) is counted toward each rollout
    /// the attempt counts for and, when a failure reaches the halt rule, the halt is committed in the same
    /// transaction. An unknown id, another client's attempt and an attempt reported already count nowhere.
    /// </summary>
    Task<AttemptReported> RecordAttemptReportAsync(AttemptReport report, CancellationToken cancellationToken);

    /// <summary>
    /// Counts as failed, with <paramref name="message"/>, every attempt opened before <paramref name="openedBefore"/>
    /// (Unix ms) that no report closed, at most <paramref name="batch"/>; returns how many and what they halted.
    /// </summary>
    Task<(int Expired, IReadOnlyList<RolloutSettled> Halted)> ExpireAttemptsAsync(long openedBefore, string message, long now, long nowMs, int batch, CancellationToken cancellationToken);

    /// <summary>How many rollouts are in each state, and attempts with each result.</summary>
    Task<RolloutTotals> CountRolloutsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims the oldest undelivered event due at <paramref name="nowMs"/> for this sender by moving its next try to
    /// <paramref name="leaseUntil"/> (so that another server leaves it), or null when none is due.
    /// </summary>
    Task<RolloutEventRow?> ClaimEventAsync(long nowMs, long leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records a try of an event: delivered, or failed with its error and the next try's time.</summary>
    Task RecordEventTryAsync(long id, long? deliveredAt, string? error, long nextAt, CancellationToken cancellationToken);
}
