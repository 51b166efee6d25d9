namespace Steward.Protocol.Admin;

/// <summary>A rollout as the server holds it, with its progress.</summary>
/// <param name="Id">The rollout's id.</param>
/// <param name="Site">Its site.</param>
/// <param name="From">F: the site's version when it started.</param>
/// <param name="To">T: the version it brings.</param>
/// <param name="State"><c>pilot</c>, <c>spreading</c>, <c>complete</c>, <c>halted</c>, <c>aborted</c> or <c>rolledBack</c>.</param>
/// <param name="HaltedIn">While halted: the state <c>resume</c> returns to; else null.</param>
/// <param name="Window">The window, as a duration (<c>3d</c>).</param>
/// <param name="HaltFailures">The halt rule's least number of failures.</param>
/// <param name="HaltRate">The halt rule's least share of failures, as written (<c>0.05</c>).</param>
/// <param name="Pilot">The pilot's client ids.</param>
/// <param name="Started">When it started.</param>
/// <param name="StartedBy">The token that started it.</param>
/// <param name="SpreadStart">From spreading on: when it began (or, after a resume, is reckoned to have begun) to spread; else null.</param>
/// <param name="CompletesAt">While spreading: when it completes; else null.</param>
/// <param name="HaltedAt">When it was last halted, or null.</param>
/// <param name="EndedAt">When it completed or was aborted, or null.</param>
/// <param name="HaltReason">Why it was last halted, in words, or null.</param>
/// <param name="Successes">Upgrades to T reported succeeded, counted toward the halt rule.</param>
/// <param name="Failures">Upgrades to T that failed (or were not reported in time), counted toward the halt rule.</param>
/// <param name="Halt">Where the counts stand against the halt rule, in words (<c>2 of 40 upgrades failed (5 %); ...</c>).</param>
/// <param name="Revision">Increases with every change of state or count.</param>
/// <param name="Progress">Where the site's clients stand; null in a list for a rollout that has ended.</param>
/// <param name="Reason">What the request that answers with it did, in words; null when it only reads.</param>
/// <param name="Warnings">Only in the answer to a start: what will surprise, in words with the fix (a pilot client outside the site); null when nothing.</param>
/// <param name="Order">For a rolled-back rollout: the downgrade order it left, with the rollback's progress while it stands; else null.</param>
public sealed record RolloutView(
    string Id,
    string Site,
    string From,
    string To,
    string State,
    string? HaltedIn,
    string Window,
    int HaltFailures,
    string HaltRate,
    IReadOnlyList<string> Pilot,
    DateTimeOffset Started,
    string StartedBy,
    DateTimeOffset? SpreadStart,
    DateTimeOffset? CompletesAt,
    DateTimeOffset? HaltedAt,
    DateTimeOffset? EndedAt,
    string? HaltReason,
    long Successes,
    long Failures,
    string Halt,
    long Revision,
    RolloutProgress? Progress,
    string? Reason,
    IReadOnlyList<string>? Warnings = null,
    DowngradeOrderView? Order = null);

/// <summary>Where a rollout's site's clients (and its pilot clients) stand; each client is counted in exactly one of the first five.</summary>
/// <param name="Clients">How many clients are counted.</param>
/// <param name="AtTarget">Clients that run T (or newer).</param>
/// <param name="Scheduled">Clients whose gate is closed: waiting for the pilot, their turn in the window, or a resume.</param>
/// <param name="AttemptsOpen">Clients offered T that have not reported yet.</param>
/// <param name="Failed">Clients whose last upgrade to T failed or was not reported in time.</param>
/// <param name="NotYetSeen">Clients whose gate is open that have not cycled since: they upgrade at their next maintenance cycle.</param>
/// <param name="PilotWaiting">Pilot clients that do not run T and have not reported an upgrade.</param>
/// <param name="FailureGroups">Failed upgrades grouped by their message, the most frequent first (at most 50).</param>
public sealed record RolloutProgress(long Clients, long AtTarget, long Scheduled, long AttemptsOpen, long Failed, long NotYetSeen, IReadOnlyList<PilotClient> PilotWaiting, IReadOnlyList<FailureGroup> FailureGroups);

/// <summary>A pilot client.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its computer name.</param>
/// <param name="Installed">Its agent version, or null.</param>
public sealed record PilotClient(string Id, string Name, string? Installed);

/// <summary>Failed upgrades with one message.</summary>
/// <param name="Message">What the agents reported (or that they did not report in time).</param>
/// <param name="Count">How many.</param>
public sealed record FailureGroup(string Message, long Count);
