using System.Data.Common;
using System.Globalization;
using Steward.Server.Hosting;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Server.Telemetry;

namespace Steward.Server.Rollouts;

/// <summary>
/// Every <see cref="ServerOptions.RolloutSweepSeconds"/> (and once at start): completes the rollouts whose
/// window has passed and spreads those whose pilot has succeeded (on the rollout clock, the database's), counts
/// as failed the attempts no report closed within <see cref="ServerOptions.AttemptReportHours"/>, and refreshes
/// the rollout metrics. Every server process sweeps; the store writes each change once. Driven by <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class RolloutSweeper(
    IRolloutStore store, IRolloutClock clock, ServerOptions options, StewardMetrics metrics, TimeProvider time, ILogger<RolloutSweeper> log) : BackgroundService
{
    // Attempts expired per transaction batch: a backlog after a long outage is worked through sweep by sweep.
    private const int Batch = 1000;

    private TaskCompletionSource<IReadOnlyList<RolloutSettled>> _swept = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next sweep has ended, with what it changed.</summary>
    public Task<IReadOnlyList<RolloutSettled>> NextSweep => Volatile.Read(ref _swept).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.RolloutSweepSeconds)), time);
        do
        {
            await SweepAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One sweep; a database fault is logged and the next sweep tries again.</summary>
    public async Task<IReadOnlyList<RolloutSettled>> SweepAsync(CancellationToken cancellationToken)
    {
        var changed = new List<RolloutSettled>();
        try
        {
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            var now = await clock.NowAsync(cancellationToken).ConfigureAwait(false);
            if (options.AttemptReportHours > 0)
            {
                var hours = options.AttemptReportHours;
                var message = string.Create(CultureInfo.InvariantCulture, $"no report within {hours} hours of the offer");
                var (expired, halted) = await store.ExpireAttemptsAsync(nowMs - (hours * 3_600_000L), message, now, nowMs, Batch, cancellationToken).ConfigureAwait(false);
                if (expired > 0)
                {
                    LogExpired(expired, hours);
                }

                changed.AddRange(halted);
            }

            changed.AddRange(await store.SettleRolloutsAsync(now, nowMs, cancellationToken).ConfigureAwait(false));
            foreach (var change in changed)
            {
                LogChanged(change.Rollout.Id, change.Reason);
            }

            metrics.RolloutTotals(await store.CountRolloutsAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (DbException e)
        {
            LogFailed(e.Message);
        }
        finally
        {
            Interlocked.Exchange(ref _swept, new TaskCompletionSource<IReadOnlyList<RolloutSettled>>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(changed);
        }

        return changed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {Rollout}: {Reason}")]
    private partial void LogChanged(string rollout, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} upgrade attempts had no report within {Hours} hours and count as failed.")]
    private partial void LogExpired(int count, int hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rollout sweep failed ({Reason}); the next sweep tries again.")]
    private partial void LogFailed(string reason);
}
