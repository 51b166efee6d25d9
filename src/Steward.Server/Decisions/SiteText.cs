namespace Steward.Server.Decisions;

/// <summary>How a site's boundaries are kept in their text column: one per line.</summary>
internal static class SiteText
{
    public static IReadOnlyList<string> Boundaries(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinBoundaries(IEnumerable<string> boundaries) => string.Join('\n', boundaries);
}
