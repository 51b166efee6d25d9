namespace Steward.Agent.Flows;

/// <summary>
/// When the service runs its next maintenance cycle: every <see cref="Interval"/> (23 hours, as SMS did),
/// moved by up to <see cref="Jitter"/> either way so that a fleet started together spreads out; after a
/// failure, sooner, with exponential backoff from <see cref="RetryMin"/> up to <see cref="RetryMax"/>.
/// </summary>
/// <param name="Interval">The time between cycles.</param>
/// <param name="Jitter">The most a cycle is moved, earlier or later.</param>
/// <param name="RetryMin">The wait after a first failure.</param>
/// <param name="RetryMax">The longest wait after failures.</param>
internal sealed record Schedule(TimeSpan Interval, TimeSpan Jitter, TimeSpan RetryMin, TimeSpan RetryMax)
{
    /// <summary>23 hours ± 1 hour; retries from 1 minute, doubling, up to 1 hour.</summary>
    public static Schedule Default { get; } = new(TimeSpan.FromHours(23), TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    /// <summary>The wait before the next cycle, after <paramref name="failures"/> failures in a row, with <paramref name="chance"/> in [0, 1).</summary>
    public TimeSpan Next(int failures, double chance)
    {
        if (failures <= 0)
        {
            var wait = Interval + (Jitter * ((2 * chance) - 1));
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        var backoff = RetryMin * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = backoff > RetryMax ? RetryMax : backoff;

        // Up to a fifth either way, so that agents failing together do not retry together.
        return capped * (0.8 + (0.4 * chance));
    }
}
