using Microsoft.AspNetCore.Mvc;
using Steward.Charts;
using Steward.Policy.Rollouts;
using Steward.Protocol.Admin;
using Steward.Server.Rollouts;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Server.WebConsole.Views;
using Steward.Simulation.Running;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/rollouts/{id}</c>: one rollout — its state, its site's clients per state of the progress, failures
/// grouped by message, the halt rule against the live rate, the actual curve over the forecast (the chart at
/// <c>?handler=chart</c>, the numbers in a table), and for an operator or admin the verbs Policy allows now.
/// </summary>
public sealed class RolloutModel : ConsolePage
{
    internal RolloutView View { get; private set; } = null!;

    internal IReadOnlyList<SeriesPoint> Actual { get; private set; } = [];

    internal RolloutForecastView? Forecast { get; private set; }

    internal string? ForecastError { get; private set; }

    /// <summary>The verbs Policy allows in the rollout's state now, as the API's words.</summary>
    internal IReadOnlyList<string> Verbs { get; private set; } = [];

    /// <summary>True when Policy allows a rollback of the rollout now: the page offers its confirmation form.</summary>
    internal bool MayRollBack { get; private set; }

    /// <summary>The verb this console applied just before (<c>?done=halt</c>, <c>?done=rollback</c>): the page says so.</summary>
    internal string? Done { get; private set; }

    /// <summary>Policy's reason for what <see cref="Done"/> did, in words, when this console applied it.</summary>
    internal string? DoneReason { get; private set; }

    /// <summary>The TempData key under which the console's verb form leaves Policy's reason for this page.</summary>
    internal const string ReasonKey = "rollout-reason";

    public async Task<IActionResult> OnGetAsync(string id, string? done)
    {
        if (!await LoadAsync(id).ConfigureAwait(false))
        {
            return NotFound();
        }

        Done = RolloutVerbs.IsStateVerb(done) || done == RolloutVerbs.Rollback ? done : null;
        DoneReason = Done is null ? null : TempData[ReasonKey] as string;
        return Page();
    }

    /// <summary>
    /// The chart: the actual hourly counts over the forecast, as SVG drawn by Steward.Charts. It reads only what it
    /// draws (the rollout's row, its pilot, its hourly counts and the cached forecast), not the page's progress.
    /// </summary>
    public async Task<IActionResult> OnGetChartAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var store = Service<IRolloutStore>();
        var row = RolloutInput.ValidId(id) ? await store.FindRolloutAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (row is null)
        {
            return NotFound();
        }

        var actual = await HoursAsync(id).ConfigureAwait(false);
        await ReadForecastAsync(row, await store.ListPilotAsync(id, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var forecast = Forecast is { Result.Success: true } f ? RolloutSeries.From(f.Result.Series, f.FromHour) : [];
        if (actual.Count == 0 && forecast.Count == 0)
        {
            return NotFound();
        }

        using var plot = VersionSeriesChart.DrawOver($"Rollout {row.Id}: site {row.Site}, {row.FromVersion} to {row.ToVersion}", VersionSeriesChart.RolloutTimeAxis, actual, forecast);
        using var svg = new MemoryStream();
        ChartFiles.Write(plot, ChartFormat.Svg, ChartSize.Default, svg);
        return File(svg.ToArray(), "image/svg+xml");
    }

    private async Task<bool> LoadAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var store = Service<IRolloutStore>();
        var facts = RolloutInput.ValidId(id) ? await store.ReadProgressAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (facts is null)
        {
            return false;
        }

        var now = await Service<IRolloutClock>().NowAsync(cancellationToken).ConfigureAwait(false);
        View = RolloutViews.Of(facts, now);
        Verbs = [.. RolloutVerbs.StateVerbs.Where(verb => Change(verb, facts.Rollout, facts.Pilot.Count, now).Applied)];
        MayRollBack = Change(RolloutVerbs.Rollback, facts.Rollout, facts.Pilot.Count, now).Applied;
        Actual = await HoursAsync(id).ConfigureAwait(false);
        await ReadForecastAsync(facts.Rollout, facts.Pilot).ConfigureAwait(false);
        return true;
    }

    private async Task<IReadOnlyList<SeriesPoint>> HoursAsync(string id) =>
        RolloutSeries.Of(await Service<IRolloutHourStore>().ListRolloutHoursAsync(id, HttpContext.RequestAborted).ConfigureAwait(false));

    private async Task ReadForecastAsync(RolloutRow rollout, IReadOnlyList<string> pilot)
    {
        try
        {
            Forecast = await Service<RolloutForecasts>().ForAsync(rollout, pilot).ConfigureAwait(false);
            ForecastError = Forecast.Result.Success ? null : string.Join("; ", Forecast.Result.Problems.Take(3).Select(p => p.Message));
        }
        catch (System.Data.Common.DbException e)
        {
            ForecastError = $"the fleet could not be read for the forecast ({e.Message})";
        }
    }

    /// <summary>
    /// What <paramref name="verb"/> would do to the rollout now, as Policy decides it: the console offers the verbs it
    /// applies and no others (the store decides again, with the rollout as it is then, when one is sent).
    /// </summary>
    internal static RolloutChange Change(string verb, RolloutRow row, int pilotCount, long now) =>
        RolloutVerbs.Apply(verb, RolloutRows.ToPolicy(row, pilotCount), pilotRunsTarget: false, now);
}
