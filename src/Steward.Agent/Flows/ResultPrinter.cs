using System.Text.Json;
using Steward.Agent.Cli;
using Steward.Agent.State;

namespace Steward.Agent.Flows;

/// <summary>Prints a decision and what was done about it: one JSON document, or a few plain sentences.</summary>
internal static class ResultPrinter
{
    /// <summary>Prints <paramref name="document"/> to standard output.</summary>
    public static void Print(AgentConsole console, ResultDocument document, bool json)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(document);
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(document, AgentJson.Compact.ResultDocument));
            return;
        }

        var kind = document.Kind is null ? "" : $" ({document.Kind})";
        console.Out.WriteLine($"{document.Outcome}{kind}: {document.Reason}");
        if (document.Update is { } update)
        {
            console.Out.WriteLine(update.Succeeded ? $"Done: {update.Message}" : $"Not done: {update.Message}");
        }

        var sites = document.Sites.Count == 0 ? "no site" : string.Join(", ", document.Sites);
        console.Out.WriteLine($"Installed version: {document.VersionAfter ?? "none"}; assigned to {sites}.");
    }
}
