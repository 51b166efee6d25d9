namespace Steward.Simulation.Loading.Reading;

/// <summary>Finds the allowed key that an unknown key was probably meant to be.</summary>
internal static class KeySuggestion
{
    // Keys are short; two edits catch a typo or a transposition without suggesting unrelated keys.
    private const int MaxEdits = 2;

    /// <summary>
    /// The allowed key that differs only in case (keys are case-sensitive, and <c>logonpoints</c> is the
    /// commonest mistake), else the closest one within two edits, else null.
    /// </summary>
    public static string? For(string key, IReadOnlyList<string> allowed)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        string? best = null;
        var bestDistance = MaxEdits + 1;
        foreach (var candidate in allowed)
        {
            var distance = Distance(key, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // Levenshtein distance with adjacent transpositions, on two rows; case is ignored so that
    // "LogonPoint" still finds "logonPoints".
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > MaxEdits)
        {
            return MaxEdits + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 &&
                    char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) &&
                    char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
