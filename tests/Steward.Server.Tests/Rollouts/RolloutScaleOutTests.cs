using System.Net.Http.Json;
using Dapper;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Storage.Engines;
using Steward.Server.Storage.Migrations;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>Completion happens once, committed by whichever server finds it due on the database's clock.</summary>
public sealed class RolloutScaleOutTests
{
    [Fact]
    public async Task TwoServerProcesses_OnePostgres_CompleteARolloutExactlyOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var packages = Directory.CreateTempSubdirectory("steward-shared-packages-").FullName;
        var dataA = Directory.CreateTempSubdirectory("steward-a-").FullName;
        var dataB = Directory.CreateTempSubdirectory("steward-b-").FullName;
        string[] common = ["--database", "postgres", "--connection", database.ConnectionString, "--packages", packages, "--Steward:RolloutSweepSeconds=1"];
        try
        {
            await CompleteOnceAsync(dataA, dataB, common);
        }
        finally
        {
            foreach (var directory in new[] { packages, dataA, dataB })
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task CompleteOnceAsync(string dataA, string dataB, string[] common)
    {
        await using var first = await ServerProcess.StartAsync(dataA, common);
        await using var second = await ServerProcess.StartAsync(dataB, common);
        File.Copy(Path.Combine(dataA, "admin-token"), Path.Combine(dataB, "admin-token"));
        using var adminA = first.Client(admin: true);
        using var adminB = second.Client(admin: true);
        await adminA.PublishAsync(RolloutTest.F);
        await adminA.PublishAsync(RolloutTest.T);
        var before = await adminA.AddSiteAsync("B01", RolloutTest.F, "10.2.0.0/16");

        // No pilot and a window of 0: due at once, and both processes sweep every second.
        var started = await adminB.PostAsJsonAsync(Routes.Rollouts, new RolloutStartRequest("B01", RolloutTest.T, "now", null, "0", null, null), ProtocolJson.Default.RolloutStartRequest);
        await Expect.StatusAsync(System.Net.HttpStatusCode.Created, started);
        // Wait for the event itself: the sweep that commits the completion logs it afterwards.
        const string Completed = "Rollout now: Rollout now of B01 completed";
        await Task.WhenAny(first.PrintedAsync(Completed), second.PrintedAsync(Completed)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("complete", (await adminA.GetFromJsonAsync(Routes.Rollout("now"), ProtocolJson.Default.RolloutView))!.State);

        // One process wrote the completion (and logged it); the other found it written.
        Assert.Equal(1, new[] { first.Output, second.Output }.Count(o => o.Contains(Completed, StringComparison.Ordinal)));
        var site = (await adminB.GetFromJsonAsync(Routes.Site("B01"), ProtocolJson.Default.SiteView))!;
        Assert.Equal((RolloutTest.T, before.Revision + 1), (site.Version, site.Revision));
        var audit = (await adminA.GetFromJsonAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry))!;
        Assert.Single(audit, a => a.Action == "rollout.complete");
    }

    [Fact]
    public async Task TwoStoresOnOnePostgres_SettlingTogether_WriteEachCompletionOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var first = new SqlStore(new PostgresEngine(database.ConnectionString)) { WritesRolloutEvents = true };
        await using var second = new SqlStore(new PostgresEngine(database.ConnectionString)) { WritesRolloutEvents = true };
        await MigrationRunner.ApplyAsync(first.Engine, CancellationToken.None);
        await using (var connection = await first.Engine.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync($"INSERT INTO packages (version, sha256, size, entry_point, files, manifest, signature, published_at, published_by) VALUES ('{RolloutTest.F}', 'f', 1, 'x', 1, '', '', 0, 't'), ('{RolloutTest.T}', 't', 1, 'x', 1, '', '', 0, 't')");
            for (var i = 0; i < 20; i++)
            {
                await connection.ExecuteAsync($"INSERT INTO sites (code, name, version, boundaries, revision, created_at, updated_at) VALUES ('S{i:00}', NULL, '{RolloutTest.F}', '', 1, 0, 0)");
            }
        }

        for (var i = 0; i < 20; i++)
        {
            var (result, _, reason) = await first.StartRolloutAsync(new RolloutStart($"r{i}", $"S{i:00}", RolloutTest.T, [], 3600, 5, "0.05", 1000, "test"), new AuditRow { Actor = "test", Action = "rollout.start", Target = $"r{i}", Details = "" }, CancellationToken.None);
            Assert.True(result.Succeeded, reason);
        }

        // Due at 4600: both stores find all twenty due at once, on four tasks.
        var settled = await Task.WhenAll(Enumerable.Range(0, 4).Select(k => (k % 2 == 0 ? first : second).SettleRolloutsAsync(4600, 4_600_000, CancellationToken.None)));

        Assert.Equal(20, settled.Sum(s => s.Count));
        await using var check = await first.Engine.OpenAsync(CancellationToken.None);
        Assert.Equal(20L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sites WHERE revision = 2 AND version = @T", new { RolloutTest.T }));
        Assert.Equal(20L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit WHERE action = 'rollout.complete'"));
        Assert.Equal(20L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rollout_events WHERE kind = 'completed'"));
    }
}
