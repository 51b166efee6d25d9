namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>attempts</c>: one upgrade the maintenance cycle offered, and how it ended.</summary>
internal sealed record AttemptRow
{
    public string Id { get; init; } = "";

    public string Client { get; init; } = "";

    public string? FromVersion { get; init; }

    public string ToVersion { get; init; } = "";

    /// <summary>Unix milliseconds.</summary>
    public long OpenedAt { get; init; }

    public long? ReportedAt { get; init; }

    /// <summary>open, succeeded, failed or expired.</summary>
    public string Result { get; init; } = AttemptResults.Open;

    public string? Message { get; init; }

    /// <summary>For a downgrade: the order it was offered under; null for an upgrade.</summary>
    public string? DowngradeOrder { get; init; }

    /// <summary>The sites the upgrade drops (stored comma-separated, migration 0009).</summary>
    public ValueList Drops { get; init; } = ValueList.Empty;
}

/// <summary>The words of <see cref="AttemptRow.Result"/>.</summary>
internal static class AttemptResults
{
    public const string Open = "open";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>No report came within the set time: counted as failed.</summary>
    public const string Expired = "expired";
}
