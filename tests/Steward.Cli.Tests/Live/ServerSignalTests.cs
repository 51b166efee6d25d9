using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;
using Steward.Protocol.Packages;

namespace Steward.Cli.Tests.Live;

/// <summary>
/// <c>steward server</c> stopped by SIGTERM (systemd, a container runtime) or SIGINT (Ctrl+C): a graceful
/// stop that writes every batched heartbeat and repeat, then exits 0.
/// </summary>
public sealed class ServerSignalTests : IDisposable
{
    private const string Version = "2.00.1493.2000";
    private const int Repeats = 25;
    private readonly TempDirectory _root = new();

    private string Data => Path.Combine(_root.Path, "data");

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Signal_WritesEveryBatchedHeartbeatAndRepeat_ExitsZero(string signal)
    {
        // An hour between flushes: whatever reaches the database was written by the stop.
        string[] settings = ["--Steward:HeartbeatFlushMilliseconds=3600000"];
        Enrollment enrollment;
        DateTimeOffset lastCycle;
        int code;
        await using (var server = await ServerCommandProcess.StartAsync(Data, settings))
        {
            using var admin = server.Client(admin: true);
            enrollment = await EnrollAsync(admin, _root.Write("agent/steward-agent", $"#!/bin/sh\necho {Version}\n"));
            using var agent = server.Client(authorization: new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{enrollment.ClientId}:{enrollment.ClientSecret}"))));

            // The first cycle is a new decision (up to date, after the logon's install), committed at once;
            // the others repeat it and are batched.
            for (var i = 0; i <= Repeats; i++)
            {
                var cycle = await agent.PostAsJsonAsync(Routes.Cycle("B01"), new CycleRequest(["10.2.0.1"], Version, null, null), ProtocolJson.Default.CycleRequest);
                Assert.Equal(HttpStatusCode.OK, cycle.StatusCode);
            }

            lastCycle = DateTimeOffset.UtcNow;
            Assert.Equal(0, UpToDate(await HistoryAsync(admin, enrollment)).Repeats);

            code = await server.SignalAsync(signal);
            Assert.True(code == 0, $"steward server exited with {code} on SIG{signal}:\n{server.Output}");
        }

        await using var restarted = await ServerCommandProcess.StartAsync(Data, settings);
        using var again = restarted.Client(admin: true);
        var history = await HistoryAsync(again, enrollment);
        Assert.Equal(Repeats, UpToDate(history).Repeats);
        Assert.True(history.Client.LastSeen >= lastCycle.AddSeconds(-5), $"last seen {history.Client.LastSeen}, last cycle {lastCycle}");
        Assert.Equal(0, await restarted.SignalAsync("TERM"));
    }

    private static DecisionView UpToDate(ClientHistory history) => Assert.Single(history.Decisions, d => d.Outcome == "UpToDate");

    // A package, a site, a logon point, and a computer enrolled at it: the smallest server an agent cycles against.
    private static async Task<Enrollment> EnrollAsync(HttpClient admin, string program)
    {
        using var archive = new MemoryStream();
        PackageArchive.Build(Path.GetDirectoryName(program)!, AgentVersion.ParseExact(Version), Path.GetFileName(program), archive);
        using var zip = new ByteArrayContent(archive.ToArray());
        zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync(new Uri($"{Routes.Packages}?version={Version}", UriKind.Relative), zip)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Routes.Sites, new SiteRequest("B01", null, Version, ["10.2.0.0/16"]), ProtocolJson.Default.SiteRequest)).StatusCode);
        var point = await admin.PostAsJsonAsync(Routes.LogonPoints, new LogonPointRequest("DC1", ["B01"], null, null), ProtocolJson.Default.LogonPointRequest);
        var secret = (await point.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonPointView))!.EnrollmentSecret!;
        var logon = await admin.PostAsJsonAsync(Routes.Logon("DC1"), new LogonRequest(secret, "logon", "PC-1", ["10.2.0.1"], null, null, null), ProtocolJson.Default.LogonRequest);
        return (await logon.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonResponse))!.Enrollment!;
    }

    private static async Task<ClientHistory> HistoryAsync(HttpClient admin, Enrollment enrollment) =>
        (await admin.GetFromJsonAsync(Routes.Client(enrollment.ClientId), ProtocolJson.Default.ClientHistory))!;

    public void Dispose() => _root.Dispose();
}
