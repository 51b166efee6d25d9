using System.Data.Common;
using Steward.Server.Hosting;
using Steward.Server.Storage;

namespace Steward.Server.Telemetry;

/// <summary>
/// Counts the inactive clients (not seen for <see cref="ServerOptions.InactiveDays"/>) every
/// <see cref="ServerOptions.InactiveCountMinutes"/> and once at start, for the metric
/// <c>steward.clients.inactive</c>, and the clients by health for <c>steward.clients.health</c>: a scrape reads the last
/// count instead of the database. Inactive clients are only counted and marked, never deleted. Driven by <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class InactiveClientCount(IStewardStore store, ServerOptions options, StewardMetrics metrics, TimeProvider time, ILogger<InactiveClientCount> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.InactiveCountMinutes)), time);
        do
        {
            await CountAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One count; a database fault is logged and the next count tries again.</summary>
    public async Task CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            metrics.InactiveCounted(await store.CountSeenBeforeAsync(options.InactiveBefore(time.GetUtcNow()), cancellationToken).ConfigureAwait(false));
            metrics.HealthCounted(await store.CountByHealthAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (DbException e)
        {
            CountFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the inactive clients or the clients by health failed; the metrics keep their last counts")]
    private partial void CountFailed(Exception error);
}
