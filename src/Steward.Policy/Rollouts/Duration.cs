using System.Globalization;
using System.Text;
using Steward.Policy.Parsing;

namespace Steward.Policy.Rollouts;

/// <summary>
/// A span of time in whole seconds, written <c>0</c> or as one or more of <c>&lt;n&gt;d</c>,
/// <c>&lt;n&gt;h</c>, <c>&lt;n&gt;m</c>, <c>&lt;n&gt;s</c> in that order, each at most once
/// (<c>90m</c>, <c>36h</c>, <c>1d12h</c>, <c>45s</c>); each n is ASCII digits, 0 allowed.
/// </summary>
public static class Duration
{
    /// <summary>The longest duration accepted: 100 years of 365.25 days.</summary>
    public const long MaxSeconds = 36_525L * Day;

    private const long Day = 86_400;
    private const long Hour = 3_600;
    private const long Minute = 60;
    private const string Units = "dhms";

    /// <summary>The seconds of a duration, or a message that quotes the text and says what is wrong.</summary>
    public static ParseResult<long> Parse(ReadOnlySpan<char> text)
    {
        var shown = text.ToString();
        if (text.SequenceEqual("0"))
        {
            return ParseResult<long>.Ok(0);
        }

        if (text.IsEmpty)
        {
            return ParseResult<long>.Fail("a duration cannot be empty; write 0, or for example 90m, 36h, 2d or 1d12h");
        }

        long total = 0;
        var nextUnit = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return ParseResult<long>.Fail($"'{shown}' is not a duration: expected digits at position {start + 1}; write 0, or for example 90m, 36h, 2d or 1d12h", start);
            }

            if (i == text.Length)
            {
                return ParseResult<long>.Fail($"'{shown}' is not a duration: the number {text[start..].ToString()} has no unit (d, h, m or s)", start);
            }

            var unit = Units.IndexOf(text[i], StringComparison.Ordinal);
            if (unit < 0)
            {
                return ParseResult<long>.Fail($"'{shown}' is not a duration: '{text[i]}' is not a unit; units are d, h, m and s", i);
            }

            if (unit < nextUnit)
            {
                return ParseResult<long>.Fail($"'{shown}' is not a duration: units come in the order d, h, m, s, each at most once", i);
            }

            var digits = text[start..i];
            var scale = unit switch { 0 => Day, 1 => Hour, 2 => Minute, _ => 1 };
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxSeconds / scale || (total += n * scale) > MaxSeconds)
            {
                return ParseResult<long>.Fail($"'{shown}' is longer than 100 years", start);
            }

            nextUnit = unit + 1;
            i++;
        }

        return ParseResult<long>.Ok(total);
    }

    /// <summary>Seconds as the shortest duration text: <c>0</c>, <c>1d12h</c>, <c>45s</c>.</summary>
    public static string Format(long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        if (seconds == 0)
        {
            return "0";
        }

        var text = new StringBuilder();
        Append(text, seconds / Day, 'd');
        Append(text, seconds % Day / Hour, 'h');
        Append(text, seconds % Hour / Minute, 'm');
        Append(text, seconds % Minute, 's');
        return text.ToString();
    }

    private static void Append(StringBuilder text, long n, char unit)
    {
        if (n != 0)
        {
            text.Append(n.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
