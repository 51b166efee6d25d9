using System.Text.Json;
using Steward.Protocol;

namespace Steward.Cli.Admin;

/// <summary>An RFC 7807 problem document as lines for standard error: <c>steward: detail</c>, then one line per field error.</summary>
internal static class ProblemLines
{
    /// <summary>The problem document in <paramref name="body"/>, or null when it holds none.</summary>
    public static ProblemDocument? TryRead(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var problem = body.Length == 0 ? null : JsonSerializer.Deserialize(body, ProtocolJson.Default.ProblemDocument);
            return problem is { Detail: null, Title: null, Errors: null } ? null : problem;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The lines: the detail (or the title, or the status) first, then <c>  field: message</c> for each
    /// field error. A detail that only repeats the field errors gives way to the title, so that nothing is printed twice.
    /// </summary>
    public static IEnumerable<string> Of(ProblemDocument problem, int status)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var fieldLines = (problem.Errors ?? new Dictionary<string, string[]>())
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))
            .ToList();
        var repeats = problem.Detail is { } detail && fieldLines.Count > 0 && fieldLines.All(line => detail.Contains(line, StringComparison.Ordinal));
        var headline = (repeats ? problem.Title : null) ?? problem.Detail ?? problem.Title ?? $"the server refused the request ({status})";
        return [$"steward: {headline}", .. fieldLines.Select(line => "  " + line)];
    }
}
