using System.Globalization;
using Spectre.Console;
using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Output;
using Steward.Simulation.Running;

namespace Steward.Cli.Simulate;

/// <summary>
/// The readable form of a simulation: one row per step with outcome, versions, sites and reason; the
/// final state of the named clients; and the final versions per site.
/// </summary>
public static class SimulationTables
{
    private const string Arrow = " → ";
    private const string None = "none";

    /// <summary>Writes the three tables for <paramref name="run"/>.</summary>
    public static void Write(IAnsiConsole console, string file, SimulationRun run, bool allClients)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        var scenario = run.Scenario;
        console.MarkupLine(Markup.Escape(
            $"{file}: {Count(scenario.Sites.Count, "site")}, {Count(scenario.LogonPoints.Count, "logon point")}, " +
            $"{Count(run.Fleet.Count, "client")}, {Count(run.Results.Count, "step")}"));
        console.Write(Steps(run));
        foreach (var result in run.Results.OfType<RunStepResult>())
        {
            console.Write(SeriesChart.Of(result));
        }

        console.Write(Clients(run, allClients));
        var hidden = allClients ? 0 : run.Fleet.Count - run.Fleet.NamedCount;
        if (hidden > 0)
        {
            console.MarkupLine(Markup.Escape($"{Number(hidden)} generated clients are not listed; --all-clients lists them."));
        }

        console.Write(Summary(run.Summary));
    }

    private static Table Steps(SimulationRun run)
    {
        var table = new Table { Title = new TableTitle("Results"), Border = TableBorder.Rounded };
        table.AddColumns("#", "Step", "Client", "Outcome", "Version", "Sites", "Reason");
        foreach (var result in run.Results)
        {
            var number = result.Number.ToString(CultureInfo.InvariantCulture);
            switch (result)
            {
                case ClientStepResult one:
                    table.AddRow(
                        Plain(number), Plain(Where(one.Action, one.LogonPoint)), Plain(one.Client), Outcome(one.Outcome),
                        Plain(Change(Text(one.VersionBefore), Text(one.VersionAfter))),
                        Plain(Change(Text(one.SitesBefore), Text(one.SitesAfter))),
                        Plain(one.Reason));
                    break;
                case BulkStepResult bulk:
                    table.AddRow(
                        Plain(number), Plain(Where(bulk.Action, bulk.LogonPoint)), Plain($"all {Number(bulk.Clients)}"),
                        new Markup(string.Join('\n', bulk.Outcomes.Select(c => $"{OutcomeMarkup(c.Outcome)} {Number(c.Count)}"))),
                        Plain(string.Join('\n', bulk.Kinds.Select(k => $"{OutcomeWords.Of(k.Kind)} {Number(k.Count)}"))),
                        Plain(""),
                        Plain(bulk.Outcomes.Count == 0 ? "no clients" : "decided for every client: counts per outcome, and per kind of upgrade"));
                    break;
                case AppliedStepResult applied:
                    table.AddRow(
                        Plain(number), Plain(applied.Action), Plain(applied.Client ?? ""), new Markup($"[blue]{OutcomeWords.Applied}[/]"),
                        Plain(""), Plain(""), Plain(applied.Reason));
                    break;
                case RolloutStepResult rollout:
                    table.AddRow(
                        Plain(number), Plain(rollout.Rollout is null ? rollout.Action : $"{rollout.Action} {rollout.Rollout}"), Plain(""),
                        new Markup(rollout.Applied ? $"[blue]{OutcomeWords.Applied}[/]" : $"[red]{OutcomeWords.Refused}[/]"),
                        Plain(rollout.State is { } state ? RolloutStates.Word(state) : ""), Plain(""), Plain(rollout.Reason));
                    break;
                case RunStepResult cycles:
                    table.AddRow(
                        Plain(number), Plain($"run {Duration.Format(cycles.End - cycles.Start)}"), Plain($"{Number(cycles.Cycles)} cycles"),
                        new Markup(string.Join('\n', cycles.Outcomes.Select(c => $"{OutcomeMarkup(c.Outcome)} {Number(c.Count)}"))),
                        Plain(string.Join('\n', cycles.Kinds.Select(k => $"{OutcomeWords.Of(k.Kind)} {Number(k.Count)}"))),
                        Plain(""), Plain(cycles.Reason));
                    break;
                default:
                    throw new InvalidOperationException($"unknown result type {result.GetType().Name}");
            }
        }

        return table;
    }

    private static Table Clients(SimulationRun run, bool allClients)
    {
        var fleet = run.Fleet;
        var last = allClients ? fleet.Count : fleet.NamedCount;
        var table = new Table { Title = new TableTitle("Clients at the end"), Border = TableBorder.Rounded };
        table.AddColumns("Client", "Version", "Sites");
        for (var client = 0; client < last; client++)
        {
            table.AddRow(Plain(fleet.NameOf(client)), Plain(Text(fleet.InstalledOf(client))), Plain(run.Sites.Format(fleet.SitesOf(client))));
        }

        return table;
    }

    private static Table Summary(FleetSummary summary)
    {
        var table = new Table { Title = new TableTitle("Final versions per site"), Border = TableBorder.Rounded };
        table.AddColumns("Site", "Site version", "Clients by installed version");
        table.AddColumn("Total", c => c.RightAligned());
        foreach (var site in summary.Sites)
        {
            table.AddRow(Plain(site.Code.ToString()), Plain(site.SiteVersion.ToString()), Plain(Versions(site.Clients)), Plain(Number(site.Total)));
        }

        if (summary.WithoutSite.Count > 0)
        {
            table.AddRow(Plain("(no site)"), Plain(""), Plain(Versions(summary.WithoutSite)), Plain(Number(summary.WithoutSite.Sum(c => c.Count))));
        }

        return table;
    }

    private static string Versions(IReadOnlyList<VersionCount> counts) =>
        counts.Count == 0 ? "no clients" : string.Join('\n', counts.Select(c => $"{Text(c.Version)}: {Number(c.Count)}"));

    private static string Where(string action, string? logonPoint) => logonPoint is null ? action : $"{action} at {logonPoint}";

    private static string Change(string before, string after) => before == after ? after : before + Arrow + after;

    private static string Text(AgentVersion? version) => version?.ToString() ?? None;

    private static string Text(IReadOnlyList<SiteCode> sites) => sites.Count == 0 ? None : string.Join(", ", sites);

    private static string Number(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(long count, string noun) => $"{Number(count)} {noun}{(count == 1 ? "" : "s")}";

    private static Text Plain(string text) => new(text);

    private static Markup Outcome(Outcome outcome) => new(OutcomeMarkup(outcome));

    private static string OutcomeMarkup(Outcome outcome)
    {
        var colour = outcome switch
        {
            Policy.Decisions.Outcome.Installed or Policy.Decisions.Outcome.HotfixApplied or Policy.Decisions.Outcome.Upgraded => "green",
            Policy.Decisions.Outcome.UpToDate => "default",
            Policy.Decisions.Outcome.DeferredToMaintenance or Policy.Decisions.Outcome.Scheduled => "yellow",
            Policy.Decisions.Outcome.Downgraded => "blue",
            _ => "red",
        };
        return $"[{colour}]{OutcomeWords.Of(outcome)}[/]";
    }
}
