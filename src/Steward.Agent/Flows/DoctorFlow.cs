using System.Text.Json;
using Steward.Agent.Cli;
using Steward.Agent.Doctor;
using Steward.Agent.Layout;
using Steward.Agent.State;
using Steward.Agent.Update;

namespace Steward.Agent.Flows;

/// <summary>
/// <c>steward-agent doctor [--repair] [--json]</c>: checks that the agent is whole (<see cref="Examination"/>)
/// and, with <c>--repair</c>, repairs what it can under the agent's lock (<see cref="Repairs"/>) before checking.
/// Exit code 0 when every check passes, 1 when a problem remains.
/// </summary>
internal static class DoctorFlow
{
    /// <summary>Runs the check (and the repairs) and prints the result.</summary>
    public static async Task<int> RunAsync(AgentContext context, bool repair, bool json, string copyDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<string> repairs = [];
        IReadOnlyList<Finding> findings;
        if (repair)
        {
            using var held = AgentLock.TryTake(context.Layout);
            if (held is null)
            {
                context.Console.Problem($"another steward-agent is working in {context.Layout.Root}; nothing was done. Try again when it has finished.");
                return ExitCodes.Busy;
            }

            PackageCopy? copy = null;
            if (Directory.Exists(copyDirectory))
            {
                copy = PackageCopy.Read(copyDirectory, out var problem);
                if (copy is null)
                {
                    context.Console.Problem($"the package's copy is not used for repairs: {problem}");
                }
            }

            repairs = await new Repairs(context.Layout, context.Console, context.Time, copy).RunAsync(cancellationToken).ConfigureAwait(false);
            findings = await Examination.RunAsync(context.Layout, context.Time, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            findings = await Examination.RunAsync(context.Layout, context.Time, cancellationToken).ConfigureAwait(false);
        }

        var document = new DoctorDocument(findings.All(f => f.Ok), findings, repairs, context.Time.GetUtcNow());
        if (json)
        {
            context.Console.Out.WriteLine(JsonSerializer.Serialize(document, AgentJson.Default.DoctorDocument));
        }
        else
        {
            Write(context.Console.Out, document);
        }

        return document.Healthy ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static void Write(TextWriter output, DoctorDocument document)
    {
        foreach (var repair in document.Repairs)
        {
            output.WriteLine($"repaired  {repair}");
        }

        foreach (var finding in document.Findings)
        {
            output.WriteLine($"{(finding.Ok ? "ok" : "PROBLEM"),-9} {finding.Check}: {finding.Detail}");
        }

        var problems = document.Findings.Count(f => !f.Ok);
        output.WriteLine(problems == 0 ? "Healthy." : $"Not healthy: {problems} problem(s){(document.Repairs.Count == 0 ? "; 'steward-agent doctor --repair' repairs what it can" : " remain")}.");
    }
}
