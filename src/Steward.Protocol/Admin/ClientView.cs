namespace Steward.Protocol.Admin;

/// <summary>A client as the server holds it.</summary>
/// <param name="Id">The client's id.</param>
/// <param name="Name">The computer's name.</param>
/// <param name="Installed">The installed agent version, or null.</param>
/// <param name="Sites">The assigned sites, sorted.</param>
/// <param name="Addresses">The addresses it last reported.</param>
/// <param name="Travel">Whether it is travelling.</param>
/// <param name="LastOutcome">The outcome of its last decision.</param>
/// <param name="LastSeen">When it last contacted the server (heartbeats are written in batches; see docs/OPERATIONS.md).</param>
/// <param name="EnrolledAt">When it was enrolled.</param>
/// <param name="LastUpgrade">The result of its last upgrade as it reported it, or null.</param>
/// <param name="Health">Its agent's last daily self-check (<see cref="HealthWords"/>): <c>healthy</c>, <c>unhealthy: CHECK, ...</c>, or null when none was reported.</param>
public sealed record ClientView(
    string Id, string Name, string? Installed, IReadOnlyList<string> Sites, IReadOnlyList<string> Addresses, bool Travel,
    string? LastOutcome, DateTimeOffset? LastSeen, DateTimeOffset EnrolledAt, UpgradeResultView? LastUpgrade,
    string? Health = null);
