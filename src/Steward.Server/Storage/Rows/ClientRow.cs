using Steward.Policy.Versions;

namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>clients</c>, typed: lists, versions and flags are read once, by the store.</summary>
internal sealed record ClientRow
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string SecretHash { get; init; } = "";

    public AgentVersion? Installed { get; init; }

    /// <summary>Assigned site codes, sorted.</summary>
    public ValueList Sites { get; init; } = ValueList.Empty;

    /// <summary>Canonical addresses, in the order the agent sent them.</summary>
    public ValueList Addresses { get; init; } = ValueList.Empty;

    /// <summary>Travel mode (decision 0014): the client keeps its sites where their boundaries do not contain it.</summary>
    public bool Travel { get; init; }

    public string? LastOutcome { get; init; }

    public long? LastDecision { get; init; }

    /// <summary>A digest of the last decision's outcome, reason and result: an identical one only counts as a repeat.</summary>
    public string? LastDecisionKey { get; init; }

    public long? LastSeen { get; init; }

    public long EnrolledAt { get; init; }

    public AgentVersion? UpgradeVersion { get; init; }

    public bool? UpgradeSucceeded { get; init; }

    public string? UpgradeMessage { get; init; }

    public long? UpgradeAt { get; init; }

    /// <summary>The number of the signing key the client pins (decision 0015).</summary>
    public long PinnedKey { get; init; } = 1;

    /// <summary>Its agent's last self-check: <c>healthy</c>, <c>unhealthy: CHECK, ...</c>, or null (none reported; migration 0012).</summary>
    public string? Health { get; init; }

    public long Revision { get; init; }
}
