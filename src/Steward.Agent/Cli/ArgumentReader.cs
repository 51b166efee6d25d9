namespace Steward.Agent.Cli;

/// <summary>
/// A small command-line reader: <c>VERB [--option VALUE | --option=VALUE | --flag]...</c>. The agent keeps
/// its own instead of System.CommandLine so that the native file stays small and starts at once; a logon
/// script runs it on every logon of every computer.
/// </summary>
internal static class ArgumentReader
{
    /// <summary>Reads <paramref name="args"/>, accepting only the options and flags given for the verb.</summary>
    public static ParsedArguments Read(IReadOnlyList<string> args, Func<string, (IReadOnlySet<string> Options, IReadOnlySet<string> Flags)?> grammar)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(grammar);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        if (args.Count == 0)
        {
            return new ParsedArguments(null, values, flags, null);
        }

        var verb = args[0];
        if (verb is "--help" or "-h" or "help")
        {
            flags.Add("--help");
            return new ParsedArguments(null, values, flags, null);
        }

        if (grammar(verb) is not { } known)
        {
            return new ParsedArguments(verb, values, flags, $"'{verb}' is not a command");
        }

        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                flags.Add("--help");
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (known.Flags.Contains(name) && equals < 0)
            {
                flags.Add(name);
                continue;
            }

            if (!known.Options.Contains(name))
            {
                return new ParsedArguments(verb, values, flags, arg.StartsWith("--", StringComparison.Ordinal)
                    ? $"'{name}' is not an option of '{verb}'"
                    : $"unexpected argument '{arg}'");
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                return new ParsedArguments(verb, values, flags, $"'{name}' needs a value");
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        return new ParsedArguments(verb, values, flags, null);
    }
}
