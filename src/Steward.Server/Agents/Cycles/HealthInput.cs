using Steward.Protocol.Admin;
using Steward.Protocol.Agent;
using Steward.Server.Http;

namespace Steward.Server.Agents.Cycles;

/// <summary>The agent's self-check sent with a cycle, checked: the text the server keeps (<see cref="HealthWords.Of"/>).</summary>
internal static class HealthInput
{
    /// <summary>The most failed checks one report may name.</summary>
    public const int MaxChecks = 16;

    /// <summary>The longest name of a check.</summary>
    public const int MaxCheckLength = 32;

    /// <summary>The health text, or null for no report (or a report with errors, each in <paramref name="errors"/>).</summary>
    public static string? Read(HealthReport? report, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (report is null)
        {
            return null;
        }

        if (report.Healthy is not { } healthy)
        {
            errors.Add("health.healthy", "true when every check passed, false when one failed");
            return null;
        }

        var failed = report.Failed ?? [];
        if (failed.Count > MaxChecks)
        {
            errors.Add("health.failed", $"at most {MaxChecks} check names");
            return null;
        }

        if (failed.Any(c => c is null || c.Length is 0 or > MaxCheckLength || !c.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
        {
            errors.Add("health.failed", $"check names of 1 to {MaxCheckLength} lower-case letters, digits and '-'");
            return null;
        }

        if (healthy == failed.Count > 0)
        {
            errors.Add("health.failed", healthy ? "a healthy report names no failed check" : "an unhealthy report names the checks that failed");
            return null;
        }

        return HealthWords.Of(failed);
    }
}
