using Steward.Agent.Cli;

namespace Steward.Agent.Flows;

/// <summary>
/// <c>steward-agent run</c>: a maintenance cycle at start, then on the <see cref="Schedule"/>. After a cycle
/// that switched the installed version the loop ends, so that the service manager (systemd's
/// <c>Restart=always</c>, the Windows service recovery) starts the new version's program.
/// </summary>
internal static class ServiceLoop
{
    /// <summary>Runs until stopped or until a new version is installed; returns the exit code.</summary>
    public static async Task<int> RunAsync(AgentContext context, Schedule schedule, Random chance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(chance);
        context.Console.Progress($"service started (version {AgentBuild.Version}, state in {context.Layout.Root})");
        var failures = 0;
        var nextCheck = context.Time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            var (exit, switched, upgradeFailed) = await CycleFlow.RunAsync(context, json: false, cancellationToken).ConfigureAwait(false);
            if (switched)
            {
                context.Console.Progress("a new version is installed; the service stops so that it is started again as the new version");
                return ExitCodes.Ok;
            }

            // A failed upgrade waits for the next regular cycle: retried sooner, one broken computer would count a
            // failure toward a rollout's halt rule at every retry.
            failures = exit == ExitCodes.Ok || upgradeFailed ? 0 : failures + 1;
            var wait = schedule.Next(failures, chance.NextDouble());
            var cycleAt = context.Time.GetUtcNow() + wait;
            try
            {
                // The daily self-check on the same clock: due at start (after the first cycle), then every day.
                if (context.Time.GetUtcNow() >= nextCheck)
                {
                    await DailyCheck.RunAsync(context, cancellationToken).ConfigureAwait(false);
                    nextCheck = context.Time.GetUtcNow() + DailyCheck.Interval;
                }

                var after = failures > 0 ? $" (after {failures} failed cycle{(failures == 1 ? "" : "s")})" : upgradeFailed ? " (after a failed upgrade: the regular interval)" : "";
                context.Console.Progress($"next maintenance cycle in {wait:d\\.hh\\:mm\\:ss}{after}");
                nextCheck = await WaitAsync(context, cycleAt, nextCheck, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        context.Console.Progress("service stopped");
        return ExitCodes.Ok;
    }

    // Waits until the next cycle is due, running the daily self-check when it falls due before; returns when the next check is.
    private static async Task<DateTimeOffset> WaitAsync(AgentContext context, DateTimeOffset cycleAt, DateTimeOffset nextCheck, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = context.Time.GetUtcNow();
            if (now >= cycleAt)
            {
                return nextCheck;
            }

            if (now >= nextCheck)
            {
                await DailyCheck.RunAsync(context, cancellationToken).ConfigureAwait(false);
                nextCheck = context.Time.GetUtcNow() + DailyCheck.Interval;
                continue;
            }

            await Task.Delay((cycleAt < nextCheck ? cycleAt : nextCheck) - now, context.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
