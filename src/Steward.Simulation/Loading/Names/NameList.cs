namespace Steward.Simulation.Loading.Names;

/// <summary>Lists the names a reference could have used, for "unknown ..." messages.</summary>
internal static class NameList
{
    // Enough to spot a typo; a scenario with 256 sites does not need all of them in one message.
    private const int Shown = 10;

    /// <summary><c>A01, B01 and C01</c>, or the first ten and how many more.</summary>
    public static string Format(IReadOnlyList<string> names)
    {
        if (names.Count <= Shown)
        {
            return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        }

        return $"{string.Join(", ", names.Take(Shown))} and {names.Count - Shown} more";
    }
}
