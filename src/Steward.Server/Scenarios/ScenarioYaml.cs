using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Steward.Server.Scenarios;

/// <summary>
/// Scalars and lists of the simulator's scenario format (YAML flow style): plain where the text can only
/// be read back as itself, otherwise a double-quoted string, escaped as JSON escapes it (JSON strings are
/// YAML double-quoted scalars).
/// </summary>
internal static class ScenarioYaml
{
    // Letters, digits and . _ / - : codes, versions, IPv4 addresses and boundaries, most computer names.
    // Nothing of it is special in a flow collection, and starting with a letter or digit it cannot be an
    // indicator ('-', '?', '&', '*', '!', ...). Only the null words of YAML 1.2 would read as something else.
    private static readonly SearchValues<char> PlainCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-");

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Appends <paramref name="text"/> as a scalar that reads back as exactly this string.</summary>
    public static StringBuilder Scalar(this StringBuilder line, string text)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(text);
        return IsPlain(text) ? line.Append(text) : line.Append(JsonSerializer.Serialize(text, Quoting));
    }

    /// <summary>Appends <c>[a, b, c]</c>: the items of <paramref name="joined"/>, split at <paramref name="separator"/>, empty ones left out.</summary>
    public static StringBuilder List(this StringBuilder line, string joined, char separator)
    {
        ArgumentNullException.ThrowIfNull(joined);
        return line.List(joined.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Appends <c>[a, b, c]</c>: each of <paramref name="items"/> as a scalar.</summary>
    public static StringBuilder List(this StringBuilder line, IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(items);
        line.Append('[');
        var first = true;
        foreach (var item in items)
        {
            line.Append(first ? "" : ", ").Scalar(item);
            first = false;
        }

        return line.Append(']');
    }

    /// <summary>True when <paramref name="text"/> may be written without quotes.</summary>
    public static bool IsPlain(string text) =>
        text.Length > 0 && char.IsAsciiLetterOrDigit(text[0]) && !text.AsSpan().ContainsAnyExcept(PlainCharacters) && text is not ("null" or "Null" or "NULL");
}
