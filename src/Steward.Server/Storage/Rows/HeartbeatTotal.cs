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

        // Sorted, then summed in one pass over neighbours: the order is needed anyway, and a batch is
        // thousands of heartbeats written once a second.
        var beats = heartbeats.Where(b => b.Decision is not null).ToArray();
        Array.Sort(beats, static (a, b) =>
        {
            var byClient = string.CompareOrdinal(a.Client, b.Client);
            return byClient != 0 ? byClient : a.Decision!.Value.CompareTo(b.Decision!.Value);
        });
        var totals = new List<HeartbeatTotal>(beats.Length);
        foreach (var beat in beats)
        {
            var decision = beat.Decision!.Value;
            if (totals.Count > 0 && totals[^1] is var last && last.Decision == decision && string.Equals(last.Client, beat.Client, StringComparison.Ordinal))
            {
                totals[^1] = last with { Repeats = last.Repeats + 1, Seen = Math.Max(last.Seen, beat.At) };
            }
            else
            {
                totals.Add(new HeartbeatTotal(beat.Client, decision, 1, beat.At));
            }
        }

        return totals;
    }
}
