using System.Net;
using Steward.Protocol.Agent;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Agents;

/// <summary>
/// The limit on refusals of computers that are not enrolled, on a real server process: a flood of them
/// from one address is refused with 429, while from that very address an enrolled client still logs on
/// and a new computer inside the boundaries is still enrolled.
/// </summary>
public sealed class RefusalLimitTests
{
    private const int Limit = 5;

    [Fact]
    public async Task UnenrolledFlood_Refused429_EnrolledClientAndEnrollmentStillServed()
    {
        var data = Directory.CreateTempSubdirectory("steward-limit-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(data, $"--Steward:UnenrolledRefusalLimit={Limit}", "--Steward:UnenrolledRefusalWindowSeconds=3600");
            using var admin = server.Client(admin: true);
            await admin.PublishAsync("2.00.1493.2000");
            await admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
            var secret = await admin.AddLogonPointAsync("DC1", ["B01"]);
            using var agent = server.Client();
            var enrolled = await agent.LogonAsync("DC1", secret, "PC-IN", ["10.2.0.1"]);

            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? limited = null;
            for (var i = 0; i < 3 * Limit; i++)
            {
                var response = await agent.PostLogonAsync("DC1", new LogonRequest(secret, "logon", $"FLOOD-{i}", ["192.168.7.7"], null, null, null));
                statuses.Add(response.StatusCode);
                limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : limited;
            }

            var again = await agent.LogonAsync("DC1", secret, "PC-IN", ["10.2.0.1"], enrolled.Enrollment, "2.00.1493.2000");
            var newcomer = await agent.LogonAsync("DC1", secret, "PC-NEW", ["10.2.0.2"]);

            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Limit), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2 * Limit)], statuses);
            var problem = await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, limited!);
            Assert.Contains("not enrolled", problem.Detail, StringComparison.Ordinal);
            var retryAfter = limited!.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromHours(1), $"Retry-After: {limited.Headers.RetryAfter}");
            Assert.Equal("UpToDate", again.Outcome);
            Assert.Equal("Installed", newcomer.Outcome);
            Assert.NotNull(newcomer.Enrollment);
            Assert.DoesNotContain("fail:", server.Output, StringComparison.Ordinal);
            Assert.Equal(2, (await admin.FleetAsync()).Clients);
            Assert.Equal(Limit, await UnenrolledRowsAsync(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    // The limited logons wrote nothing: only the refusals within the limit are recorded.
    private static async Task<long> UnenrolledRowsAsync(string data)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "steward.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM decisions WHERE client IS NULL";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
