using System.Collections.Concurrent;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Scale;

/// <summary>
/// Killing the server (SIGKILL, not a graceful stop) in the middle of a burst of enrollments loses none
/// that was answered: every client that received its credentials is in the database, with its decision.
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task SecondServerOnTheSameSqliteData_RefusedWithAReason()
    {
        var data = Directory.CreateTempSubdirectory("steward-twice-").FullName;
        await using var first = await ServerProcess.StartAsync(data);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(data));

        Assert.Contains("another steward server is using", error.Message, StringComparison.Ordinal);
        using var admin = first.Client(admin: true);
        Assert.True((await admin.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task KilledDuringEnrollmentBurst_EveryAnsweredEnrollmentSurvives(string engine)
    {
        await using var database = engine == "postgres" ? await PostgresDatabase.CreateAsync() : null;
        var data = Directory.CreateTempSubdirectory("steward-kill-").FullName;
        string[] arguments = database is null ? [] : ["--database", "postgres", "--connection", database.ConnectionString];
        var answered = new ConcurrentBag<Enrollment>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string secret;
        await using (var server = await ServerProcess.StartAsync(data, arguments))
        {
            using var admin = server.Client(admin: true);
            await admin.PublishAsync("2.00.1493.2000");
            await admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
            secret = await admin.AddLogonPointAsync("DC1", ["B01"]);

            using var cancel = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                using var client = server.Client();
                for (var i = 0; i < 2000 && !cancel.IsCancellationRequested; i++)
                {
                    var request = new LogonRequest(secret, "logon", $"PC-{w}-{i}", [$"10.2.{w}.{i % 250 + 1}"], null, null, null);
                    try
                    {
                        var response = await client.PostAsJsonAsync(Routes.Logon("DC1"), request, ProtocolJson.Default.LogonRequest, cancel.Token);
                        if (response.IsSuccessStatusCode)
                        {
                            answered.Add((await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonResponse, cancel.Token))!.Enrollment!);
                            if (answered.Count >= 150)
                            {
                                enough.TrySetResult();
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return;
                    }
                }
            })).ToList();

            // The kill comes once 150 logons were answered (or every worker ended first, which the count below shows).
            await Task.WhenAny(enough.Task, Task.WhenAll(workers));

            await server.KillAsync();
            await cancel.CancelAsync();
            await Task.WhenAll(workers);
        }

        await using var restarted = await ServerProcess.StartAsync(data, arguments);
        using var again = restarted.Client(admin: true);
        var missing = new List<string>();
        foreach (var enrollment in answered)
        {
            var response = await again.GetAsync(Routes.Client(enrollment.ClientId));
            if (!response.IsSuccessStatusCode)
            {
                missing.Add(enrollment.ClientId);
                continue;
            }

            var history = (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ClientHistory))!;
            Assert.Equal("Installed", Assert.Single(history.Decisions).Outcome);
        }

        Assert.True(answered.Count >= 150, $"only {answered.Count} enrollments were answered");
        Assert.Empty(missing);
        using var agent = restarted.Client(authorization: AgentApi.Basic(answered.First()));
        Assert.Equal("UpToDate", (await agent.CycleAsync("B01", ["10.2.0.1"], "2.00.1493.2000")).Outcome);
    }
}
