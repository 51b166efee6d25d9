namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>clients</c>.</summary>
internal sealed record ClientRow
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string SecretHash { get; init; } = "";

    public string? Installed { get; init; }

    /// <summary>Assigned site codes, sorted, comma-separated.</summary>
    public string Sites { get; init; } = "";

    /// <summary>Canonical addresses, comma-separated.</summary>
    public string Addresses { get; init; } = "";

    public long Travel { get; init; }

    public string? LastOutcome { get; init; }

    public long? LastDecision { get; init; }

    /// <summary>A digest of the last decision's outcome, reason and result: an identical one only counts as a repeat.</summary>
    public string? LastDecisionKey { get; init; }

    public long? LastSeen { get; init; }

    public long EnrolledAt { get; init; }

    public string? UpgradeVersion { get; init; }

    public long? UpgradeSucceeded { get; init; }

    public string? UpgradeMessage { get; init; }

    public long? UpgradeAt { get; init; }

    /// <summary>The number of the signing key the client pins (decision 0015).</summary>
    public long PinnedKey { get; init; } = 1;

    public long Revision { get; init; }
}
