namespace Steward.Agent.Cli;

/// <summary>A command line split into its verb, option values and flags, or the first thing wrong with it.</summary>
/// <param name="Verb">The command (<c>logon</c>, <c>cycle</c>...), or null when none was given.</param>
/// <param name="Values">Each option's values, in order (options may repeat).</param>
/// <param name="Flags">The flags given (<c>--json</c>).</param>
/// <param name="Error">What is wrong, or null.</param>
internal sealed record ParsedArguments(string? Verb, IReadOnlyDictionary<string, List<string>> Values, IReadOnlySet<string> Flags, string? Error)
{
    /// <summary>The last value of an option, or null.</summary>
    public string? Value(string option) => Values.TryGetValue(option, out var values) ? values[^1] : null;

    /// <summary>Every value of a repeatable option.</summary>
    public IReadOnlyList<string> All(string option) => Values.TryGetValue(option, out var values) ? values : [];

    /// <summary>True when the flag was given.</summary>
    public bool Has(string flag) => Flags.Contains(flag);
}
