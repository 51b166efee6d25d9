using System.Globalization;

namespace Steward.Policy.Rollouts;

/// <summary>How a moment is told to people: seconds from a scenario's start, or a UTC date on a server.</summary>
public enum TimeStyle : byte
{
    /// <summary>Seconds from time 0 of a scenario, told as a duration: <c>t = 1d2h20m</c>.</summary>
    Scenario,

    /// <summary>Seconds since 1970-01-01 UTC, told as a date: <c>2026-12-05 14:20 UTC</c>.</summary>
    Utc,
}

/// <summary>Moments in words.</summary>
public static class Moments
{
    /// <summary><c>t = 1d2h20m</c> in a scenario; <c>2026-12-05 14:20 UTC</c> on a server (seconds shown only when not 0).</summary>
    public static string Format(long moment, TimeStyle style)
    {
        if (style == TimeStyle.Scenario)
        {
            return moment < 0 ? "t = -" + Duration.Format(-moment) : "t = " + Duration.Format(moment);
        }

        var utc = DateTimeOffset.FromUnixTimeSeconds(moment).UtcDateTime;
        return utc.ToString(utc.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
    }
}
