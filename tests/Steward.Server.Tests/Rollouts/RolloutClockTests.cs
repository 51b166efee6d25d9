using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Steward.Server.Rollouts;
using Steward.Server.Storage;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// The rollout clock the server chooses: on SQLite, whose database is this process's alone, the process's own
/// <see cref="TimeProvider"/> (no query per cycle); on PostgreSQL, shared by several processes, the database's.
/// </summary>
public abstract class RolloutClockTests : ApiTest
{
    // Years before the machine's time, so that the two clocks cannot agree by chance.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override Action<IServiceCollection>? Services => s => s.AddSingleton<TimeProvider>(_time);

    protected async Task<(long Before, long Clock, long After, long Process)> ReadClocksAsync()
    {
        var store = App.Services.GetRequiredService<IRolloutStore>();
        var before = await store.DatabaseNowAsync(CancellationToken.None);
        var clock = await App.Services.GetRequiredService<IRolloutClock>().NowAsync(CancellationToken.None);
        var after = await store.DatabaseNowAsync(CancellationToken.None);
        return (before, clock, after, _time.GetUtcNow().ToUnixTimeSeconds());
    }
}

public sealed class RolloutClockOnSqlite : RolloutClockTests
{
    protected override Engine Engine => Engine.Sqlite;

    [Fact]
    public async Task TheRolloutClock_IsTheProcesss()
    {
        var (_, clock, _, process) = await ReadClocksAsync();
        Assert.Equal(process, clock);
    }
}

public sealed class RolloutClockOnPostgres : RolloutClockTests
{
    protected override Engine Engine => Engine.Postgres;

    [Fact]
    public async Task TheRolloutClock_IsTheDatabases()
    {
        var (before, clock, after, process) = await ReadClocksAsync();
        Assert.InRange(clock, before, after);
        Assert.NotEqual(process, clock);
    }
}
