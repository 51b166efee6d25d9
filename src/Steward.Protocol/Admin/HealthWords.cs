namespace Steward.Protocol.Admin;

/// <summary>
/// A client's health as the server shows it (<see cref="ClientView.Health"/>) and filters by (<c>health=</c>):
/// <c>healthy</c>, <c>unhealthy: CHECK, ...</c> (the checks of <c>steward-agent doctor</c> that failed), or
/// <c>unknown</c> (null in a view) for a client whose agent has not reported one.
/// </summary>
public static class HealthWords
{
    /// <summary>Every check passed.</summary>
    public const string Healthy = "healthy";

    /// <summary>A check failed (the text names which).</summary>
    public const string Unhealthy = "unhealthy";

    /// <summary>No check was reported.</summary>
    public const string Unknown = "unknown";

    /// <summary>The filter words, as <c>client list --health</c> and <c>GET /v1/clients?health=</c> take them.</summary>
    public static IReadOnlyList<string> Filters { get; } = [Healthy, Unhealthy, Unknown];

    /// <summary>The health text of a check that found the given problems (none: healthy).</summary>
    public static string Of(IEnumerable<string> failedChecks)
    {
        var failed = failedChecks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return failed.Count == 0 ? Healthy : $"{Unhealthy}: {string.Join(", ", failed)}";
    }
}
