namespace Steward.Server.Storage.Rows;

/// <summary>
/// A batch's heartbeats of one client for one decision: how many, and the last one's time. Totals come
/// sorted by client, so that a batch walks the key in order and two processes' batches take PostgreSQL's
/// row locks in the same order.
/// </summary>
internal readonly record struct HeartbeatTotal(string Client, long Decision, long Repeats, long Seen)
{
    public static IReadOnlyList<HeartbeatTotal> Of(IReadOnlyList<Heartbeat> heartbeats)
    {
        ArgumentNullException.ThrowIfNull(heartbeats);
        var totals = new Dictionary<(string Client, long Decision), (long Repeats, long Seen)>();
        foreach (var beat in heartbeats)
        {
            if (beat.Decision is not { } decision)
            {
                continue;
            }

            var key = (beat.Client, decision);
            totals[key] = totals.TryGetValue(key, out var total) ? (total.Repeats + 1, Math.Max(total.Seen, beat.At)) : (1, beat.At);
        }

        return [.. totals
            .Select(t => new HeartbeatTotal(t.Key.Client, t.Key.Decision, t.Value.Repeats, t.Value.Seen))
            .OrderBy(t => t.Client, StringComparer.Ordinal)
            .ThenBy(t => t.Decision)];
    }
}
