using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Steward.Server.Decisions;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Decisions;

/// <summary>
/// Decisions of computers that are not enrolled (decision 0011): an identical repeat is counted, not
/// written; old ones are deleted by the clean-up, an enrolled client's never.
/// </summary>
public abstract class UnenrolledDecisionTests : ApiTest
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private string _secret = "";

    protected override Action<IServiceCollection> Services => s => s.AddSingleton<TimeProvider>(_time);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        _secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
    }

    [Fact]
    public async Task RepeatedRefusal_IsCountedOnOneRow_AnotherRefusalIsANewRow()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("NotInBoundaries", (await App.Anonymous.LogonAsync("DC1", _secret, "PC-OUT", ["192.168.1.7"])).Outcome);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        await App.Anonymous.LogonAsync("DC1", _secret, "PC-OUT", ["192.168.1.7"], trigger: "install");
        await App.Anonymous.LogonAsync("DC1", _secret, "PC-OTHER", ["192.168.1.7"]);

        var rows = await UnenrolledAsync();
        Assert.Equal(3, rows.Count);
        var first = rows[0];
        Assert.Equal(("PC-OUT", 4L, first.At + 4 * 60_000), (first.Computer, first.Repeats, first.LastAt));
        Assert.Equal([("PC-OUT", 0L), ("PC-OTHER", 0L)], rows.Skip(1).Select(r => (r.Computer, r.Repeats)));
    }

    [Fact]
    public async Task Cleanup_DeletesOldUnenrolledDecisions_KeepsRecentOnesAndEnrolledClients()
    {
        await App.Anonymous.LogonAsync("DC1", _secret, "PC-GONE", ["192.168.1.7"]);
        var enrolled = await App.Anonymous.LogonAsync("DC1", _secret, "PC-IN", ["10.2.0.1"]);
        _time.Advance(TimeSpan.FromDays(20));
        await App.Anonymous.LogonAsync("DC1", _secret, "PC-RECENT", ["192.168.1.9"]);

        var cleanup = App.Services.GetRequiredService<UnenrolledCleanup>();
        _time.Advance(TimeSpan.FromDays(11));
        for (var sweeps = 0; (await UnenrolledAsync()).Any(r => r.Computer == "PC-GONE"); sweeps++)
        {
            // The sweep at start may still be under way; the one the clock's advance set off follows it.
            Assert.True(sweeps < 3, "the clean-up did not run after the clock advanced");
            var next = cleanup.NextSweep;
            if ((await UnenrolledAsync()).Any(r => r.Computer == "PC-GONE"))
            {
                await next.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        Assert.Equal(["PC-RECENT"], (await UnenrolledAsync()).Select(r => r.Computer));
        Assert.NotEmpty(await DecisionsOfAsync(enrolled.Enrollment!.ClientId));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM unenrolled WHERE computer = 'PC-GONE'"));
    }

    [Fact]
    public async Task RepeatAfterCleanup_IsWrittenAnew()
    {
        await App.Anonymous.LogonAsync("DC1", _secret, "PC-OUT", ["192.168.1.7"]);
        _time.Advance(TimeSpan.FromDays(31));
        await App.Services.GetRequiredService<UnenrolledCleanup>().SweepAsync(CancellationToken.None);
        Assert.Empty(await UnenrolledAsync());

        await App.Anonymous.LogonAsync("DC1", _secret, "PC-OUT", ["192.168.1.7"]);

        Assert.Equal([("PC-OUT", 0L)], (await UnenrolledAsync()).Select(r => (r.Computer, r.Repeats)));
    }

    private async Task<List<(string Computer, long At, long LastAt, long Repeats)>> UnenrolledAsync()
    {
        await using var connection = await App.Services.GetRequiredService<SqlStore>().Engine.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<(string, long, long, long)>("SELECT computer, at, last_at, repeats FROM decisions WHERE client IS NULL ORDER BY id")];
    }

    private async Task<List<long>> DecisionsOfAsync(string client)
    {
        await using var connection = await App.Services.GetRequiredService<SqlStore>().Engine.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<long>("SELECT id FROM decisions WHERE client = @client", new { client })];
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await App.Services.GetRequiredService<SqlStore>().Engine.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

public sealed class UnenrolledDecisionsOnSqlite : UnenrolledDecisionTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class UnenrolledDecisionsOnPostgres : UnenrolledDecisionTests
{
    protected override Engine Engine => Engine.Postgres;
}
