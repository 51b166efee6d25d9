using System.Threading.Channels;
using Steward.Server.Hosting;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Server.Telemetry;

namespace Steward.Server.Heartbeats;

/// <summary>
/// Last-seen times and repeats of an unchanged decision, written in batches: a maintenance cycle that
/// changes nothing costs no write transaction of its own. A crash loses at most the heartbeats of the
/// last <see cref="ServerOptions.HeartbeatFlush"/>; a graceful stop writes them all. Nothing
/// else goes through here: every change of a client is committed before it is answered.
/// </summary>
/// <remarks>
/// The writer has a thread of its own: SQLite's calls are synchronous under their async names, and a
/// batch written on a thread-pool thread would hold up the requests queued behind it (measured: the
/// access point's p99 rose from about 10 ms to over 80 ms on one core). Whatever a write throws, the
/// thread carries on: the batch is dropped and the failure logged, counted and shown by <c>/readyz</c>
/// (<see cref="Failure"/>) until a write succeeds again. It stops after the web host (hosted services
/// stop in reverse order, and the web host's is registered after the application's), so the requests
/// answered during a stop have their heartbeats written too. The interval is a timer of the injected
/// <see cref="TimeProvider"/>, so a test moves the clock and awaits <see cref="NextFlush"/> instead of waiting.
/// </remarks>
internal sealed partial class HeartbeatQueue(
    IHeartbeatWriter writer, ServerOptions options, StewardMetrics metrics, TimeProvider time, ILogger<HeartbeatQueue> log) : IHostedService, IDisposable
{
    private readonly Channel<Heartbeat> _channel = Channel.CreateUnbounded<Heartbeat>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly AutoResetEvent _due = new(initialState: false);
    private TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _writer;
    private int _stopped;
    private HeartbeatFailure? _failure;

    /// <summary>Null while heartbeats are written; otherwise since when and why they are not.</summary>
    public HeartbeatFailure? Failure => Volatile.Read(ref _failure);

    /// <summary>Completes when the writer has next written what was queued (or tried to, and recorded the failure).</summary>
    public Task NextFlush => Volatile.Read(ref _flushed).Task;

    public void Enqueue(Heartbeat heartbeat) => _channel.Writer.TryWrite(heartbeat);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A host disposed before it started (a test host that failed to start) starts no writer.
        if (Volatile.Read(ref _stopped) == 0)
        {
            _writer = new Thread(Run) { IsBackground = true, Name = "Steward heartbeat writer" };
            _writer.Start();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    // Once, whichever comes first: the host's stop, or the container's disposal (a test host may dispose
    // its services before it stops them).
    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _channel.Writer.TryComplete();
        _stopping.Cancel();
        _writer?.Join(TimeSpan.FromSeconds(30));
    }

    private void Run()
    {
        var batch = new List<Heartbeat>(options.HeartbeatBatch);
        var totals = new List<HeartbeatTotal>(options.HeartbeatBatch);
        var reader = _channel.Reader;
        using var timer = time.CreateTimer(_ => _due.Set(), null, options.HeartbeatFlush, options.HeartbeatFlush);
        WaitHandle[] wake = [_due, _stopping.Token.WaitHandle];
        while (!_stopping.IsCancellationRequested)
        {
            WaitHandle.WaitAny(wake);
            Drain(reader, batch, totals);
            Flushed();
        }

        // Stopping: the channel is complete; write everything still in it.
        Drain(reader, batch, totals);
        Flushed();
    }

    private void Flushed() =>
        Interlocked.Exchange(ref _flushed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private void Drain(ChannelReader<Heartbeat> reader, List<Heartbeat> batch, List<HeartbeatTotal> totals)
    {
        var wrote = false;
        while (true)
        {
            batch.Clear();
            while (batch.Count < options.HeartbeatBatch && reader.TryRead(out var beat))
            {
                batch.Add(beat);
            }

            if (batch.Count == 0)
            {
                // While writes fail, an interval with nothing to write still tries an empty one, so that the
                // recovery is seen even when no agent calls (a load balancer may have taken the server out).
                if (!wrote && Failure is not null)
                {
                    Write(batch, totals);
                }

                return;
            }

            Write(batch, totals);
            wrote = true;
        }
    }

    // Heartbeats are the one thing allowed to be lost: the next cycle of each client brings a new one. So a
    // failed batch is dropped, but never silently, and never at the cost of the thread: an exception that
    // escaped it would end the process.
#pragma warning disable CA1031 // Any exception: the writer must survive whatever the store throws, and report it.
    private void Write(List<Heartbeat> batch, List<HeartbeatTotal> totals)
    {
        try
        {
            HeartbeatTotal.Sum(batch, totals);
            writer.RecordHeartbeatsAsync(totals, CancellationToken.None).GetAwaiter().GetResult();
            if (Failure is { } past)
            {
                LogRecovered(past.Since, past.Lost);
                Volatile.Write(ref _failure, null);
            }
        }
        catch (Exception e)
        {
            // The log and the metric first: whoever sees the failure at /readyz finds them written already.
            if (batch.Count > 0)
            {
                LogLost(e, batch.Count, e.Message);
            }

            metrics.HeartbeatWriteFailed(batch.Count, e);
            var past = Failure;
            Volatile.Write(ref _failure, new HeartbeatFailure(past?.Since ?? time.GetUtcNow(), e.Message, (past?.Lost ?? 0) + batch.Count));
        }
    }
#pragma warning restore CA1031

    public void Dispose()
    {
        Stop();

        // A writer still inside a slow write after the stop's wait keeps its wake-up source: disposing it
        // under the thread would end the process with an ObjectDisposedException.
        if (_writer is null || !_writer.IsAlive)
        {
            _stopping.Dispose();
            _due.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} batched heartbeats (last-seen times and repeats); they are dropped: {Error}")]
    private partial void LogLost(Exception exception, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batched heartbeats are written again; writes failed from {Since:u}, and {Lost} heartbeats were dropped")]
    private partial void LogRecovered(DateTimeOffset since, long lost);
}
