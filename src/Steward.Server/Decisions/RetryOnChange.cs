namespace Steward.Server.Decisions;

/// <summary>
/// The one retry of a read-decide-write on a client row: every write of the row is made only at the revision
/// it was read at, so a concurrent change makes the write stale, and the work reads, decides and writes again.
/// After <see cref="Attempts"/> stale writes in a row the caller answers <see cref="Exhausted"/> (a 409).
/// </summary>
internal static class RetryOnChange
{
    public const int Attempts = 5;

    public const string Exhausted = "the client's record kept changing during 5 attempts; try again";

    /// <summary>
    /// Runs <paramref name="attempt"/> (given its number, from 0) until it returns a result; null means
    /// "the client changed meanwhile, again". Returns <paramref name="exhausted"/> after <see cref="Attempts"/> nulls.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<int, Task<T?>> attempt, T exhausted)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var number = 0; number < Attempts; number++)
        {
            if (await attempt(number).ConfigureAwait(false) is { } done)
            {
                return done;
            }
        }

        return exhausted;
    }
}
