using Steward.Server.Storage;

namespace Steward.Server.Rollouts;

/// <summary>
/// The clock of rollouts' lifecycles, in Unix seconds. On a server it is the database's: several server
/// processes share one database and may disagree about the time, but a rollout completes, spreads and
/// resumes by one clock. Tests put a clock driven by a fake <see cref="TimeProvider"/> in its place.
/// </summary>
internal interface IRolloutClock
{
    Task<long> NowAsync(CancellationToken cancellationToken);
}

/// <summary>The database's clock.</summary>
internal sealed class DatabaseRolloutClock(IRolloutStore store) : IRolloutClock
{
    public Task<long> NowAsync(CancellationToken cancellationToken) => store.DatabaseNowAsync(cancellationToken);
}
