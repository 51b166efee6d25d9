using System.Data.Common;
using Steward.Server.Hosting;
using Steward.Server.Storage;

namespace Steward.Server.Decisions;

/// <summary>
/// Deletes, every <see cref="ServerOptions.UnenrolledCleanupMinutes"/> (and once at start), the decisions of
/// computers that are not enrolled whose last repeat is older than <see cref="ServerOptions.UnenrolledDecisionDays"/>
/// (decision 0011): anyone with a logon script can make such rows, so they must not pile up for ever. An
/// enrolled client's decisions are never deleted. Driven by <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class UnenrolledCleanup(IStewardStore store, ServerOptions options, TimeProvider time, ILogger<UnenrolledCleanup> log) : BackgroundService
{
    // Rows per transaction: a large backlog is deleted without holding the writer for long.
    private const int Batch = 5000;

    private TaskCompletionSource<long> _swept = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next sweep has ended, with how many decisions it deleted.</summary>
    public Task<long> NextSweep => Volatile.Read(ref _swept).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.UnenrolledDecisionAge is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.UnenrolledCleanupInterval, time);
        do
        {
            await SweepAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One sweep; a database fault is logged and the next sweep tries again.</summary>
    public async Task<long> SweepAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().AddDays(-options.UnenrolledDecisionDays).ToUnixTimeMilliseconds();
        long deleted = 0;
        try
        {
            deleted = await store.DeleteUnenrolledDecisionsAsync(before, Batch, cancellationToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                LogDeleted(deleted, options.UnenrolledDecisionDays);
            }
        }
        catch (DbException e)
        {
            LogFailed(e.Message);
        }
        finally
        {
            Interlocked.Exchange(ref _swept, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(deleted);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} decisions of computers that are not enrolled, last made over {Days} days ago (Steward:UnenrolledDecisionDays).")]
    private partial void LogDeleted(long count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old decisions of computers that are not enrolled failed ({Reason}); the next sweep tries again.")]
    private partial void LogFailed(string reason);
}
