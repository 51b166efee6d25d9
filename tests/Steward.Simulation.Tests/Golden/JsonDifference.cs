using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Simulation.Tests.Golden;

/// <summary>
/// The first place where two JSON documents differ, as a path (<c>$.results[2].outcome</c>) and both
/// values, so that a failing golden test says what changed rather than printing two whole documents.
/// </summary>
internal static class JsonDifference
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>A sentence naming the first differing path and both values; null when the documents are equal.</summary>
    public static string? First(JsonNode? expected, JsonNode? actual) =>
        JsonNode.DeepEquals(expected, actual) ? null : Find("$", expected, actual);

    private static string Find(string path, JsonNode? expected, JsonNode? actual)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                // Keys in the expected order first, then keys only the actual document has.
                foreach (var (key, value) in e)
                {
                    var child = $"{path}.{key}";
                    if (!a.TryGetPropertyValue(key, out var other))
                    {
                        return $"{child}: expected {Show(value)}, actual has no such key";
                    }

                    if (!JsonNode.DeepEquals(value, other))
                    {
                        return Find(child, value, other);
                    }
                }

                var extra = a.First(p => !e.ContainsKey(p.Key));
                return $"{path}.{extra.Key}: expected no such key, actual {Show(extra.Value)}";

            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    if (!JsonNode.DeepEquals(e[i], a[i]))
                    {
                        return Find($"{path}[{i}]", e[i], a[i]);
                    }
                }

                return $"{path}: expected {e.Count} items, actual {a.Count}";

            default:
                return $"{path}: expected {Show(expected)}, actual {Show(actual)}";
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";
}
