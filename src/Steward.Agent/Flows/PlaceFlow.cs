using Steward.Agent.Cli;
using Steward.Agent.Layout;
using Steward.Agent.Update;
using Steward.Policy.Placement;
using Steward.Policy.Versions;

namespace Steward.Agent.Flows;

/// <summary>
/// <c>steward-agent place --from DIR</c>, what the Debian package's postinst runs: puts the package's copy of the
/// agent (<see cref="PackageCopy"/>) into the versioned layout exactly as a self-update would (staging, every file
/// checked, health check, marker, then the pointer), but only when <see cref="PackagePlacement"/> says so: a newer
/// agent that updated itself is never taken down.
/// </summary>
internal static class PlaceFlow
{
    /// <summary>Places the package's version and returns the exit code.</summary>
    public static async Task<int> RunAsync(AgentContext context, string from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var session = AgentSession.Open(context);
        if (session is null)
        {
            context.Console.Problem($"another steward-agent is working in {context.Layout.Root}; nothing was done. Try again when it has finished.");
            return ExitCodes.Busy;
        }

        if (PackageCopy.Read(from, out var problem) is not { } copy)
        {
            context.Console.Problem(problem!);
            return ExitCodes.Failed;
        }

        var versions = new VersionStore(context.Layout);
        var current = session.Pointer.Read();
        var running = current is not null && versions.Marker(current) is not null && AgentVersion.TryParse(current) is { Success: true } parsed ? parsed.Value : (AgentVersion?)null;
        var decision = PackagePlacement.Decide(AgentVersion.Parse(copy.Version), running);
        if (decision.Action == PlacementAction.KeepNewer)
        {
            context.Console.Out.WriteLine($"Nothing changed: {decision.Reason}.");
            return ExitCodes.Ok;
        }

        var name = copy.Version;
        var existing = versions.Marker(name);
        var damage = existing?.Files is { } files ? VersionFiles.Problems(context.Layout.VersionDirectory(name), files) : [];
        if (decision.Action == PlacementAction.AlreadyCurrent)
        {
            context.Console.Out.WriteLine(damage.Count == 0
                ? $"Nothing changed: {decision.Reason}."
                : $"{name} is the installed agent, but {string.Join("; ", damage)}; run 'steward-agent doctor --repair'.");
            return damage.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }

        if (existing is null || damage.Count > 0)
        {
            await copy.PutAsync(context.Layout, context.Console, context.Time, cancellationToken).ConfigureAwait(false);
        }

        context.Console.Step(UpdateSteps.Switch, name, $"pointing the agent at {name} (it was {current ?? "not installed"})");
        session.Pointer.Switch(name);
        context.Console.Step(UpdateSteps.Switched, name, $"{name} is the installed agent");

        // An enrolled agent records the version and tells its server at the next cycle, as after a self-update.
        session.LoadState();
        context.Console.Out.WriteLine($"Placed: {decision.Reason}.");
        return ExitCodes.Ok;
    }
}
