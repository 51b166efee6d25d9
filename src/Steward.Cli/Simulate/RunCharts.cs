using System.Globalization;
using Steward.Charts;
using Steward.Simulation.Model;
using Steward.Simulation.Running;

namespace Steward.Cli.Simulate;

/// <summary>
/// <c>steward simulate --chart FILE</c>: one chart per <c>run</c> step, clients per version over the
/// run's hours. One run step draws to FILE itself; several draw one file each, named with the step's
/// number before the extension (<c>out-step3.svg</c>), so each chart keeps the whole width and its own
/// scale rather than sharing a page with panels squeezed to a third of it.
/// </summary>
public static class RunCharts
{
    /// <summary>Why <paramref name="path"/> cannot take a chart, or null when its extension names a format.</summary>
    public static string? RefusePath(string path) =>
        ChartFormats.FromPath(path) is null
            ? $"--chart {path}: the file name must end in .svg or .png, which chooses the image format"
            : null;

    /// <summary>Why <paramref name="scenario"/> has nothing to chart, or null when it has a <c>run</c> step.</summary>
    public static string? RefuseScenario(string file, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Steps.OfType<RunStep>().Any()
            ? null
            : $"--chart: {file} has no run step, and only a run step has a series to draw (add a step such as '- run: 3d')";
    }

    /// <summary>The file of run step <paramref name="step"/>: <paramref name="path"/> itself when it is the only run step.</summary>
    public static string PathOf(string path, int step, int runSteps)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (runSteps == 1)
        {
            return path;
        }

        var extension = Path.GetExtension(path);
        return string.Concat(path.AsSpan(0, path.Length - extension.Length), $"-step{step.ToString(CultureInfo.InvariantCulture)}", extension);
    }

    /// <summary>Draws every run step of <paramref name="run"/> and returns the files written, with the step each shows; a run with no whole hour is skipped.</summary>
    public static IReadOnlyList<(int Step, string File)> Write(SimulationRun run, string path, ChartSize size)
    {
        ArgumentNullException.ThrowIfNull(run);
        var format = ChartFormats.FromPath(path) ?? throw new ArgumentException(RefusePath(path), nameof(path));
        var runs = run.Results.OfType<RunStepResult>().ToList();
        var written = new List<(int, string)>();
        foreach (var result in runs)
        {
            if (result.Series.Count == 0)
            {
                continue;
            }

            var file = PathOf(path, result.Number, runs.Count);
            var title = $"Step {result.Number}: clients per version, hour {result.Series[0].Hour} to {result.Series[^1].Hour}";
            using var plot = VersionSeriesChart.Draw(title, result.Series);
            using (var output = File.Create(file))
            {
                ChartFiles.Write(plot, format, size, output);
            }

            written.Add((result.Number, file));
        }

        return written;
    }
}
