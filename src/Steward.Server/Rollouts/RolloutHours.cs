using System.Data.Common;
using Steward.Server.Hosting;
using Steward.Server.Storage;

namespace Steward.Server.Rollouts;

/// <summary>
/// Keeps each active rollout's actual curve: every <see cref="ServerOptions.RolloutSweepSeconds"/> (and once at
/// start) it counts, for each active rollout whose current hour is not counted yet, its site's clients per
/// installed version (decision 0024). The hour is whole hours since the rollout started, on the rollout clock;
/// so a count is written once an hour per rollout, whichever server process gets there first. Apart from the
/// maintenance cycle on purpose: it reads what agents report, it never decides anything. Driven by <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class RolloutHours(
    IRolloutStore rollouts, IRolloutHourStore hours, IRolloutClock clock, ServerOptions options, TimeProvider time, ILogger<RolloutHours> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.RolloutSweepSeconds)), time);
        do
        {
            await CountAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Counts the current hour of every active rollout not counted yet; returns how many it counted. A database fault is logged.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var counted = 0;
        try
        {
            var now = await clock.NowAsync(cancellationToken).ConfigureAwait(false);
            foreach (var active in await rollouts.ListActiveRolloutsAsync(cancellationToken).ConfigureAwait(false))
            {
                var hour = Math.Max(0, now - active.Row.Started) / 3_600;
                if (await hours.CountRolloutHourAsync(active.Row.Id, active.Row.Site, hour, cancellationToken).ConfigureAwait(false))
                {
                    counted++;
                }
            }
        }
        catch (DbException e)
        {
            LogFailed(e.Message);
        }

        return counted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the rollouts' installed versions failed ({Reason}); the next round tries again.")]
    private partial void LogFailed(string reason);
}
