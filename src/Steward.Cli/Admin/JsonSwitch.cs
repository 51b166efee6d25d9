using System.CommandLine;

namespace Steward.Cli.Admin;

/// <summary>The <c>--json</c> option, alone for verbs that do not talk to the server (<c>package build</c>).</summary>
internal static class JsonSwitch
{
    /// <summary>A new <c>--json</c> option.</summary>
    public static Option<bool> Create() => new("--json")
    {
        Description = "Print exactly the JSON document (for lists, one JSON array) and nothing else on standard output.",
    };
}
