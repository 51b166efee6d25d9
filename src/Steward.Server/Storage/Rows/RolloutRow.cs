namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>rollouts</c>; lifecycle times are Unix seconds.</summary>
internal sealed record RolloutRow
{
    public string Id { get; init; } = "";

    public string Site { get; init; } = "";

    public string FromVersion { get; init; } = "";

    public string ToVersion { get; init; } = "";

    /// <summary>The state's word: pilot, spreading, complete, halted, aborted, rolledBack.</summary>
    public string State { get; init; } = "";

    public string? HaltedIn { get; init; }

    public long WindowSeconds { get; init; }

    public long HaltFailures { get; init; }

    /// <summary>The halt rate as written (0.05).</summary>
    public string HaltRate { get; init; } = "";

    public long Started { get; init; }

    public long SpreadStart { get; init; }

    public long HaltedAt { get; init; }

    public long EndedAt { get; init; }

    public long Successes { get; init; }

    public long Failures { get; init; }

    public string? HaltReason { get; init; }

    public string StartedBy { get; init; } = "";

    /// <summary>1 once the site has had a later rollout or set-version: a complete rollout can then no longer be rolled back.</summary>
    public long Superseded { get; init; }

    /// <summary>Increases with every change of state or count; a change is written only from the revision it was made from.</summary>
    public long Revision { get; init; }
}
