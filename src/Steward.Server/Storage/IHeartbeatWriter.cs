using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage;

/// <summary>The one write the heartbeat queue does: apart from the store, so that it can be watched (and, in tests, made to fail) alone.</summary>
internal interface IHeartbeatWriter
{
    /// <summary>Records last-seen times and repeated decisions, summed per client (<see cref="HeartbeatTotal.Sum"/>), in one transaction; an empty list is a write transaction with nothing in it.</summary>
    Task RecordHeartbeatsAsync(IReadOnlyList<HeartbeatTotal> totals, CancellationToken cancellationToken);
}
