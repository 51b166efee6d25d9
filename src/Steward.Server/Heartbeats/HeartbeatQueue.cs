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
internal sealed partial class HeartbeatQueue(IStewardStore store, ServerOptions options, ILogger<HeartbeatQueue> log) : BackgroundService
{
    private readonly Channel<Heartbeat> _channel = Channel.CreateUnbounded<Heartbeat>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Heartbeat heartbeat) => _channel.Writer.TryWrite(heartbeat);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Heartbeat>(options.HeartbeatBatch);
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await Task.Delay(options.HeartbeatFlushMilliseconds, stoppingToken).ConfigureAwait(false);
                await DrainAsync(reader, batch, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: write what is left below.
        }

        await DrainAsync(reader, batch, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task DrainAsync(ChannelReader<Heartbeat> reader, List<Heartbeat> batch, CancellationToken cancellationToken)
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
                await store.RecordHeartbeatsAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException e)
            {
                // Heartbeats are the one thing allowed to be lost; the next cycle of each client brings a new one.
                LogLost(batch.Count, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} heartbeats: {Error}")]
    private partial void LogLost(int count, string error);
}
