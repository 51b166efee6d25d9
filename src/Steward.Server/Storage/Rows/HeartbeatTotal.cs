namespace Steward.Server.Storage.Rows;

/// <summary>
/// A batch's heartbeats of one client for one decision: how many, and the last one's time. Totals are
/// sorted by client, so that a batch walks the key in order and two processes' batches take PostgreSQL's
/// row locks in the same order.
/// </summary>
internal readonly record struct HeartbeatTotal(string Client, long Decision, long Repeats, long Seen)
{
    /// <summary>
    /// Sums <paramref name="beats"/> (sorting them in place) into <paramref name="totals"/> (emptied first).
    /// The writer passes the same two lists every time: a batch of thousands would otherwise be a few
    /// large arrays a second, which only a full collection frees.
    /// </summary>
    public static void Sum(List<Heartbeat> beats, List<HeartbeatTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(beats);
        ArgumentNullException.ThrowIfNull(totals);
        beats.Sort(static (a, b) =>
        {
            var byClient = string.CompareOrdinal(a.Client, b.Client);
            return byClient != 0 ? byClient : Nullable.Compare(a.Decision, b.Decision);
        });
        totals.Clear();
        foreach (var beat in beats)
        {
            if (beat.Decision is not { } decision)
            {
                continue;
            }

            if (totals.Count > 0 && totals[^1] is var last && last.Decision == decision && string.Equals(last.Client, beat.Client, StringComparison.Ordinal))
            {
                totals[^1] = last with { Repeats = last.Repeats + 1, Seen = Math.Max(last.Seen, beat.At) };
            }
            else
            {
                totals.Add(new HeartbeatTotal(beat.Client, decision, 1, beat.At));
            }
        }
    }
}
