using System.Globalization;
using System.Text.Json;
using Steward.Agent.Cli;
using Steward.Agent.Layout;
using Steward.Agent.State;

namespace Steward.Agent.Flows;

/// <summary>
/// <c>steward-agent status</c>: what is installed, where it is assigned, and what happened last. It only
/// reads (no lock, no recovery), so it answers even while the service is in the middle of a cycle.
/// </summary>
internal static class StatusFlow
{
    /// <summary>Prints the status; exit code 3 when the state file is missing or damaged.</summary>
    public static int Run(AgentContext context, bool json)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.Layout;
        var load = new StateStore(layout).Load();
        var state = load.State;
        var installed = new CurrentPointer(layout).Read();
        var versions = new VersionStore(layout).Complete().Select(v => v.ToString()).ToList();
        var document = new StatusDocument(layout.Root, installed, versions, state.Enrolled, state.ClientId, state.ComputerName, state.Sites,
            state.LastCycle, state.History.Count > 0 ? state.History[^1] : null, state.PendingReport is not null, load.Problem, state.History, state.PendingTravel);
        if (json)
        {
            context.Console.Out.WriteLine(JsonSerializer.Serialize(document, AgentJson.Default.StatusDocument));
        }
        else
        {
            Write(context.Console.Out, document);
        }

        return load.Ok ? ExitCodes.Ok : ExitCodes.StateProblem;
    }

    private static void Write(TextWriter output, StatusDocument status)
    {
        output.WriteLine($"Installed version: {status.Installed ?? "none"}{(status.Versions.Count > 1 ? $" (kept on disk: {string.Join(", ", status.Versions)})" : "")}");
        if (status.Problem is not null)
        {
            output.WriteLine(status.Problem);
            return;
        }

        output.WriteLine(status.Enrolled ? $"Enrolled as {status.ComputerName}, client {status.ClientId}." : "Not enrolled at a logon point.");
        output.WriteLine(status.Sites.Count == 0 ? "Assigned to no site." : $"Assigned to {string.Join(", ", status.Sites)}.");
        output.WriteLine(status.LastCycle is { } last
            ? string.Create(CultureInfo.InvariantCulture, $"Last maintenance cycle: {last:yyyy-MM-dd HH:mm:ss} UTC.")
            : "No maintenance cycle has finished yet.");
        if (status.LastResult is { } result)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Last result ({result.Action}, {result.At:yyyy-MM-dd HH:mm:ss} UTC): {result.Outcome}: {result.Reason}"));
        }

        if (status.UnreportedUpgrade)
        {
            output.WriteLine("An upgrade result waits to be reported with the next maintenance cycle.");
        }

        if (status.PendingTravel is { } travel)
        {
            output.WriteLine($"Travel mode {(travel ? "on" : "off")} waits to be sent with the next maintenance cycle.");
        }
    }
}
