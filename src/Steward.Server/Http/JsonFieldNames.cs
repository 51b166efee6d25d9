using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Steward.Server.Http;

/// <summary>
/// The API's own name of the field a JSON error is about. The serializer's path (<c>$.LastUpgrade.Version</c>)
/// spells members as the client sent them, and the protocol reads names in any case; the answer spells them
/// as the API does (<c>lastUpgrade.version</c>), with indices (<c>addresses[0]</c>), and <c>body</c> for the
/// body as a whole.
/// </summary>
internal static partial class JsonFieldNames
{
    public const string Body = "body";

    public static string Of(string? path, JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return Body;
        }

        var name = new StringBuilder();
        JsonTypeInfo? current = type;
        foreach (Match part in Segment().Matches(path))
        {
            if (part.Groups["index"].Success)
            {
                name.Append('[').Append(part.Groups["index"].Value).Append(']');
                current = current?.ElementType is { } element ? Info(current, element) : null;
                continue;
            }

            var sent = part.Groups["name"].Success ? part.Groups["name"].Value : part.Groups["quoted"].Value;
            var member = current?.Properties.FirstOrDefault(p => string.Equals(p.Name, sent, StringComparison.OrdinalIgnoreCase));
            name.Append(name.Length == 0 ? "" : ".").Append(member?.Name ?? sent);
            current = member is null ? null : Info(current!, member.PropertyType);
        }

        return name.Length == 0 ? Body : name.ToString();
    }

    // The contract of a member's type, from the same serializer; null when it has none (then names are kept as sent).
    private static JsonTypeInfo? Info(JsonTypeInfo parent, Type type) => parent.Options.TryGetTypeInfo(type, out var info) ? info : null;

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
