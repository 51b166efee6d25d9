namespace Steward.Server.Decisions;

/// <summary>How lists are kept in text columns: boundaries one per line, site codes and addresses comma-separated.</summary>
internal static class SiteText
{
    public static IReadOnlyList<string> Boundaries(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinBoundaries(IEnumerable<string> boundaries) => string.Join('\n', boundaries);

    public static IReadOnlyList<string> List(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> items) => string.Join(',', items);
}
