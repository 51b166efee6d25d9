using System.Threading.Channels;
using Steward.Server.Hosting;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Heartbeats;

/// <summary>
/// Last-seen times and repeats of an unchanged decision, written in batches: a maintenance cycle that
/// changes nothing costs no write transaction of its own. A crash loses at most the heartbeats of the
/// last <see cref="ServerOptions.HeartbeatFlushMilliseconds"/>; a graceful stop writes them all. Nothing
/// else goes through here: every change of a client is committed before it is answered.
/// </summary>
/// <remarks>
/// The writer has a thread of its own: SQLite's calls are synchronous under their async names, and a
/// batch written on a thread-pool thread would hold up the requests queued behind it (measured: the
/// access point's p99 rose from about 10 ms to over 80 ms on one core).
/// </remarks>
internal sealed partial class HeartbeatQueue(IStewardStore store, ServerOptions options, ILogger<HeartbeatQueue> log) : IHostedService, IDisposable
{
    private readonly Channel<Heartbeat> _channel = Channel.CreateUnbounded<Heartbeat>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Thread? _writer;
    private int _stopped;

    public void Enqueue(Heartbeat heartbeat) => _channel.Writer.TryWrite(heartbeat);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = new Thread(Run) { IsBackground = true, Name = "Steward heartbeat writer" };
        _writer.Start();
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
        while (!_stopping.IsCancellationRequested)
        {
            _stopping.Token.WaitHandle.WaitOne(options.HeartbeatFlushMilliseconds);
            Drain(reader, batch, totals);
        }

        // Stopping: the channel is complete; write everything still in it.
        Drain(reader, batch, totals);
    }

    private void Drain(ChannelReader<Heartbeat> reader, List<Heartbeat> batch, List<HeartbeatTotal> totals)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < options.HeartbeatBatch && reader.TryRead(out var beat))
            {
                batch.Add(beat);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                HeartbeatTotal.Sum(batch, totals);
                store.RecordHeartbeatsAsync(totals, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (System.Data.Common.DbException e)
            {
                // Heartbeats are the one thing allowed to be lost; the next cycle of each client brings a new one.
                LogLost(batch.Count, e.Message);
            }
        }
    }

    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} heartbeats: {Error}")]
    private partial void LogLost(int count, string error);
}
