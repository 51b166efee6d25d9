using Steward.Server.Hosting;
using Steward.Server.Storage;

namespace Steward.Server.Rollouts;

/// <summary>
/// The clock of rollouts' lifecycles, in Unix seconds. On PostgreSQL it is the database's: several server
/// processes share one database and may disagree about the time, but a rollout completes, spreads and
/// resumes by one clock. On SQLite it is this process's (<see cref="ProcessRolloutClock"/>).
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

/// <summary>
/// This process's clock, for SQLite: its database belongs to one server process (the engine locks it), so the
/// database's clock is this machine's, and asking the database would add a query to every cycle under a rollout.
/// Tests drive it with a fake <see cref="TimeProvider"/>, so that a 3-day window passes at a call.
/// </summary>
internal sealed class ProcessRolloutClock(TimeProvider time) : IRolloutClock
{
    public Task<long> NowAsync(CancellationToken cancellationToken) => Task.FromResult(time.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>The rollout clock of the configured engine: the process's for SQLite, the database's for PostgreSQL.</summary>
    public static IRolloutClock For(IServiceProvider services) =>
        services.GetRequiredService<ServerOptions>().Engine == DatabaseKind.Sqlite
            ? new ProcessRolloutClock(services.GetRequiredService<TimeProvider>())
            : new DatabaseRolloutClock(services.GetRequiredService<IRolloutStore>());
}
