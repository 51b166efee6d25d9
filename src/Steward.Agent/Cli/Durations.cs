using System.Globalization;

namespace Steward.Agent.Cli;

/// <summary>Reads durations as people write them on a command line: <c>23h</c>, <c>90m</c>, <c>30s</c>, <c>500ms</c>, <c>1d</c>.</summary>
internal static class Durations
{
    /// <summary>The duration, or null with <paramref name="error"/> saying why not.</summary>
    public static TimeSpan? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var units = new (string Suffix, double Seconds)[] { ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400) };
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && !(suffix == "s" && text.EndsWith("ms", StringComparison.Ordinal))
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                && number >= 0 && number * seconds < TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return TimeSpan.FromSeconds(number * seconds);
            }
        }

        error = $"'{text}' is not a duration (write it like 23h, 90m, 30s or 500ms)";
        return null;
    }
}
