using System.Globalization;
using Steward.Policy.Boundaries;
using Steward.Policy.Parsing;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Loading.Yaml;

namespace Steward.Simulation.Loading.Reading;

/// <summary>
/// Reads typed values from nodes. Each method reports what is wrong with the node (and returns null),
/// naming the value by its label: <c>'installed'</c>, or <c>'at' of step 3</c>.
/// </summary>
internal static class ValueReader
{
    /// <summary>What a version looks like, for messages.</summary>
    public const string VersionExpected = "a version such as 2.00.1493.2000";

    /// <summary>What a boundary looks like, for messages.</summary>
    public const string BoundaryExpected = "a boundary: a subnet (10.1.0.0/16), a range (10.3.0.10-10.3.0.200) or one address";

    /// <summary>What an address looks like, for messages.</summary>
    public const string AddressExpected = "an address such as 10.1.0.5";

    /// <summary>
    /// The text of a scalar; reports a list, a mapping and an empty value (a quoted <c>""</c> or blanks
    /// too: no name, code, version or address of a scenario can be blank), and text that hides characters
    /// (a name is shown in tables; see <see cref="VisibleName"/>).
    /// </summary>
    public static string? Text(YamlNode node, string label, string expected, ProblemList problems)
    {
        switch (node)
        {
            case YamlScalar { IsNull: false } scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                if (VisibleName.Problem(scalar.Value) is { } hidden)
                {
                    problems.Add(node, $"{label} {hidden}");
                    return null;
                }

                return scalar.Value;
            case YamlScalar:
                problems.Add(node, $"{label} is empty; expected {expected}");
                return null;
            default:
                problems.Add(node, $"{label} must be {expected}, not {node.Describe()}");
                return null;
        }
    }

    /// <summary>
    /// A boolean: <c>true</c> or <c>false</c> written plain (YAML 1.2 core schema also allows
    /// <c>True</c>, <c>TRUE</c>...). YAML 1.1's <c>yes</c>/<c>no</c> and quoted values are refused, as in JSON.
    /// </summary>
    public static bool? Boolean(YamlNode node, string label, ProblemList problems)
    {
        if (node is YamlScalar { IsPlain: true } plain && TryBoolean(plain.Value, out var value))
        {
            return value;
        }

        if (node is YamlScalar { IsPlain: false } quoted && TryBoolean(quoted.Value, out _))
        {
            problems.Add(node, $"{label} must be true or false without quotes; in quotes it is a string");
            return null;
        }

        problems.Add(node, $"{label} must be true or false, not {node.Describe()}");
        return null;
    }

    /// <summary>True when <paramref name="text"/> is a YAML 1.2 core boolean.</summary>
    public static bool TryBoolean(string text, out bool value)
    {
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/>, written plain in decimal
    /// digits (no sign, exponent, fraction or digit separators).
    /// </summary>
    public static int? WholeNumber(YamlNode node, string label, int min, int max, ProblemList problems)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"a whole number from {min:N0} to {max:N0}");
        if (node is not YamlScalar { IsPlain: true, IsNull: false } scalar || scalar.Value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            problems.Add(node, $"{label} must be {range}, not {node.Describe()}");
            return null;
        }

        // Digits only, so the only way to fail is to overflow, which is out of range anyway.
        if (!long.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            problems.Add(node, $"{label} must be {range}, not {scalar.Value}");
            return null;
        }

        return (int)value;
    }

    /// <summary>
    /// A rate from 0 to 1 written as a plain decimal numeral (<c>0.05</c>); a quoted value, an exponent or
    /// a sign is refused (docs/RULES.md section 4).
    /// </summary>
    public static Rate? Rate(YamlNode node, string label, ProblemList problems)
    {
        if (node is not YamlScalar { IsPlain: true, IsNull: false } scalar)
        {
            problems.Add(node, $"{label} must be a plain decimal number from 0 to 1 such as 0.05, not {node.Describe()}{(node is YamlScalar { IsPlain: false } ? " in quotes" : "")}");
            return null;
        }

        var result = Policy.Rollouts.Rate.Parse(scalar.Value);
        if (!result.Success)
        {
            problems.Add(node, $"{label}: {result.Error}");
            return null;
        }

        return result.Value;
    }

    /// <summary>A duration (<c>0</c>, <c>90m</c>, <c>1d12h</c>...) in seconds, with the parser's message when it is not one.</summary>
    public static long? Duration(YamlNode node, string label, ProblemList problems)
    {
        if (Text(node, label, "a duration such as 0, 90m, 36h or 1d12h", problems) is not { } text)
        {
            return null;
        }

        var result = Policy.Rollouts.Duration.Parse(text);
        if (!result.Success)
        {
            problems.Add(node, $"{label}: {result.Error}");
            return null;
        }

        return result.Value;
    }

    /// <summary>An agent version, with the version parser's message when it is not one.</summary>
    public static AgentVersion? Version(YamlNode node, string label, ProblemList problems) =>
        Parsed(node, label, VersionExpected, AgentVersion.TryParse, problems);

    /// <summary>A boundary, with the boundary parser's message when it is not one.</summary>
    public static Boundary? Boundary(YamlNode node, string label, ProblemList problems) =>
        Parsed(node, label, BoundaryExpected, Policy.Boundaries.Boundary.Parse, problems);

    /// <summary>A network address, with the address parser's message when it is not one.</summary>
    public static NetworkAddress? Address(YamlNode node, string label, ProblemList problems) =>
        Parsed(node, label, AddressExpected, NetworkAddress.Parse, problems);

    /// <summary>
    /// The items of a list, each read by <paramref name="item"/>; null when the node is not a list or
    /// any item is wrong (every wrong item is reported). An empty value reads as an empty list.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="label">The list's label, for messages.</param>
    /// <param name="expected">What the items are, for messages: <c>addresses</c>.</param>
    /// <param name="item">Reads one item, reporting its problems.</param>
    /// <param name="problems">Where problems go.</param>
    public static List<T>? ListOf<T>(YamlNode node, string label, string expected, Func<YamlNode, T?> item, ProblemList problems)
        where T : struct
    {
        switch (node)
        {
            case YamlSequence sequence:
                var values = new List<T>(sequence.Items.Count);
                var ok = true;
                foreach (var element in sequence.Items)
                {
                    if (item(element) is { } value)
                    {
                        values.Add(value);
                    }
                    else
                    {
                        ok = false;
                    }
                }

                return ok ? values : null;
            case YamlScalar { IsNull: true }:
                return [];
            case YamlScalar scalar:
                // The likeliest mistake: one value where the spec's examples show a one-item list.
                problems.Add(node, $"{label} must be a list of {expected}, not a single value; write [{scalar.Value}]");
                return null;
            default:
                problems.Add(node, $"{label} must be a list of {expected}, not {node.Describe()}");
                return null;
        }
    }

    private delegate ParseResult<T> Parser<T>(ReadOnlySpan<char> text);

    private static T? Parsed<T>(YamlNode node, string label, string expected, Parser<T> parse, ProblemList problems)
        where T : struct
    {
        if (Text(node, label, expected, problems) is not { } text)
        {
            return null;
        }

        var result = parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        problems.Add(node, $"{label}: {result.Error}");
        return null;
    }
}
