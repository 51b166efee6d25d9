using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Steward.Server.Rollouts;
using Steward.Server.Storage;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>
/// A rollout's actual curve (migration 0011): the site's clients per installed version, counted once in each hour of an
/// active rollout — from the versions the agents report, never from the offers (an Upgraded answer is not an install).
/// </summary>
public abstract class RolloutHourTests : RolloutTest
{
    internal RolloutHours Hours => App.Services.GetRequiredService<RolloutHours>();

    internal IRolloutHourStore HourStore => App.Services.GetRequiredService<IRolloutHourStore>();

    [Fact]
    public async Task EachHourIsCountedOnce_FromInstalledVersions_NotFromOffers()
    {
        await StartedAsync(pilot: ["PC-1"], window: "1d");

        // The server's own loop runs on the same fake clock and may count an hour first; either way each hour is counted once.
        await Hours.CountAsync(CancellationToken.None);
        Assert.Equal(0, await Hours.CountAsync(CancellationToken.None));
        Assert.Equal([(0L, F, 4L)], await RowsAsync());

        // PC-1 is offered T (the cycle's Upgraded answer opens an attempt): it does not run T yet.
        await OpenAttemptAsync("PC-1");
        Time.Advance(TimeSpan.FromHours(1));
        await Hours.CountAsync(CancellationToken.None);
        Assert.Equal([(0L, F, 4L), (1L, F, 4L)], await RowsAsync());

        // A computer whose agent reports T is counted at T.
        await EnrollAsync("PC-5", "10.2.0.5", installed: T);
        Time.Advance(TimeSpan.FromHours(1));
        await Hours.CountAsync(CancellationToken.None);
        Assert.Equal([(0L, F, 4L), (1L, F, 4L), (2L, F, 4L), (2L, T, 1L)], await RowsAsync());
    }

    [Fact]
    public async Task AnEndedRollout_IsNoLongerCounted_AndADeletedOneTakesItsRowsAlong()
    {
        await StartedAsync(window: "1d");
        await Hours.CountAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await VerbAsync("sp", "abort")).StatusCode);
        Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, await Hours.CountAsync(CancellationToken.None));
        Assert.Equal([0L], (await RowsAsync()).Select(r => r.Hour).Distinct());

        // Its hours go with the rollout's row (ON DELETE CASCADE).
        var store = App.Services.GetRequiredService<SqlStore>();
        await using (var connection = await store.Engine.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM rollouts WHERE id = 'sp'"));
        }

        Assert.Empty(await RowsAsync());
    }

    private async Task<List<(long Hour, string Version, long Clients)>> RowsAsync() =>
        [.. (await HourStore.ListRolloutHoursAsync("sp", CancellationToken.None)).Select(r => (r.Hour, r.Version, r.Clients))];
}

public sealed class RolloutHoursOnSqlite : RolloutHourTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class RolloutHoursOnPostgres : RolloutHourTests
{
    protected override Engine Engine => Engine.Postgres;
}
