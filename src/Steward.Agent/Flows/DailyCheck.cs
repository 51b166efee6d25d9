using Steward.Agent.Doctor;
using Steward.Protocol.Agent;

namespace Steward.Agent.Flows;

/// <summary>
/// The service's daily self-check: the checks of <c>steward-agent doctor</c> (without repairs: a repair may switch the
/// pointer under the running service, so it is left to <c>doctor --repair</c>), kept in the state file as
/// <see cref="State.AgentState.PendingHealth"/> and sent once with the next maintenance cycle, so that the server
/// knows each client's health (<c>steward client list --health</c>).
/// </summary>
internal static class DailyCheck
{
    /// <summary>How often the service checks itself, on its clock.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Runs the checks and keeps the result for the next cycle (an enrolled agent only: the server could not be told otherwise).</summary>
    public static async Task RunAsync(AgentContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = await Examination.RunAsync(context.Layout, context.Time, cancel).ConfigureAwait(false);
        var report = ReportOf(findings);
        var words = report.Healthy == true ? "healthy" : $"not healthy ({string.Join(", ", report.Failed!)}; 'steward-agent doctor' says more)";
        using var session = AgentSession.Open(context);
        if (session is null)
        {
            context.Console.Progress($"daily self-check: {words}; not kept, another steward-agent is working in {context.Layout.Root}");
            return;
        }

        var load = session.LoadState();
        if (!load.Ok || !load.State.Enrolled)
        {
            context.Console.Progress($"daily self-check: {words}; not sent, this computer is not enrolled");
            return;
        }

        session.Store.Save(load.State with { PendingHealth = report });
        context.Console.Progress($"daily self-check: {words}; sent with the next maintenance cycle");
    }

    /// <summary>The report of a check: the failed checks by their first word (<c>files 2.00.1</c> is <c>files</c>), sorted.</summary>
    public static HealthReport ReportOf(IEnumerable<Finding> findings)
    {
        var failed = findings.Where(f => !f.Ok).Select(f => f.Check.Split(' ')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new HealthReport(failed.Count == 0, failed);
    }
}
