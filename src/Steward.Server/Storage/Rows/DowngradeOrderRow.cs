namespace Steward.Server.Storage.Rows;

/// <summary>
/// A row of <c>downgrade_orders</c>: what a rollback left behind (decision 0023). Clients of the site that run
/// <see cref="FromVersion"/> go down to what their sites serve; times are Unix seconds on the rollout clock.
/// </summary>
internal sealed record DowngradeOrderRow
{
    /// <summary>The order's id, signed into every downgrade offer made under it.</summary>
    public string Id { get; init; } = "";

    public string Site { get; init; } = "";

    /// <summary>The rollout that was rolled back.</summary>
    public string Rollout { get; init; } = "";

    /// <summary>T of the rollout: the version clients are taken down from.</summary>
    public string FromVersion { get; init; } = "";

    /// <summary>F of the rollout: the version the site serves again.</summary>
    public string ToVersion { get; init; } = "";

    public long OrderedAt { get; init; }

    /// <summary>The token that rolled the rollout back.</summary>
    public string OrderedBy { get; init; } = "";

    /// <summary>Why, as the administrator wrote it; null when none was given.</summary>
    public string? Reason { get; init; }

    /// <summary>When the site's next rollout or set-version ended it; null while it stands.</summary>
    public long? EndedAt { get; init; }

    /// <summary>What ended it, in words.</summary>
    public string? EndReason { get; init; }
}
