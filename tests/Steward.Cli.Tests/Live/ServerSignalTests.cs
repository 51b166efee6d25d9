using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Steward.Packaging.Archives;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;

namespace Steward.Cli.Tests.Live;

/// <summary>
/// <c>steward server</c> stopped by SIGTERM (systemd, a container runtime) or SIGINT (Ctrl+C): a graceful
/// stop that writes every batched heartbeat and repeat, then exits 0.
/// </summary>
public sealed class ServerSignalTests : IDisposable
{
    private const string Version = "2.00.1493.2000";
    private const int Repeats = 25;
    // An hour between flushes: whatever reaches the database was written by the stop.
    private static readonly string[] Settings = ["--Steward:HeartbeatFlushMilliseconds=3600000"];
    private readonly TempDirectory _root = new();

    private string Data => Path.Combine(_root.Path, "data");

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Signal_WritesEveryBatchedHeartbeatAndRepeat_ExitsZero(string signal)
    {
        Enrollment enrollment;
        DateTimeOffset lastCycle;
        int code;
        await using (var server = await ServerCommandProcess.StartAsync(Data, Settings))
        {
            (enrollment, var agent) = await EnrollAndCycleAsync(server);
            agent.Dispose();
            lastCycle = DateTimeOffset.UtcNow;
            using var admin = server.Client(admin: true);
            Assert.Equal(0, UpToDate(await HistoryAsync(admin, enrollment)).Repeats);

            code = await server.SignalAsync(signal);
            Assert.True(code == 0, $"steward server exited with {code} on SIG{signal}:\n{server.Output}");
        }

        await using var restarted = await ServerCommandProcess.StartAsync(Data, Settings);
        using var again = restarted.Client(admin: true);
        var history = await HistoryAsync(again, enrollment);
        Assert.Equal(Repeats, UpToDate(history).Repeats);
        Assert.True(history.Client.LastSeen >= lastCycle.AddSeconds(-5), $"last seen {history.Client.LastSeen}, last cycle {lastCycle}");
        Assert.Equal(0, await restarted.SignalAsync("TERM"));
    }

    // The CI failure: a test run started in the background of a non-interactive shell ignores SIGINT, and so did
    // every server it started, which then never stopped on SIGINT. A shell that ignores SIGINT stands for that run.
    [Fact]
    public async Task Sigint_StopsTheServer_WhenTheTestRunIgnoresIt()
    {
        string[] ignoringRun = ["sh", "-c", "trap '' INT; exec \"$@\"", "sh", .. ServerCommandProcess.DefaultLauncher];
        await using var server = await ServerCommandProcess.StartAsync(ignoringRun, Data, Settings);
        Assert.Equal(0, await server.SignalAsync("INT"));
    }

    [Fact]
    public async Task ServerStartedIgnoringSigint_SaysSoAtStart_AndStopsOnSigterm()
    {
        await using var server = await ServerCommandProcess.StartAsync(["env", "--ignore-signal=INT"], Data, Settings);
        await server.WaitForOutputAsync("SIGINT is ignored by this process");
        Assert.DoesNotContain("SIGTERM is ignored", server.Output, StringComparison.Ordinal);
        Assert.Equal(0, await server.SignalAsync("TERM"));
    }

    [Fact]
    public async Task CycleInFlightAtTheSignal_IsAnsweredAndItsRepeatWritten()
    {
        Enrollment enrollment;
        await using (var server = await ServerCommandProcess.StartAsync(Data, Settings))
        {
            (enrollment, var cycling) = await EnrollAndCycleAsync(server);
            using var agent = cycling;

            // One more cycle, on the connection the others used, whose body is held back until the stop has begun:
            // the server answers the requests it has (Kestrel drains them), and their heartbeats must not be lost.
            using var held = new HeldBody(JsonSerializer.SerializeToUtf8Bytes(new CycleRequest(["10.2.0.1"], Version, null, null), ProtocolJson.Default.CycleRequest));
            var answer = agent.PostAsync(new Uri(Routes.Cycle("B01"), UriKind.Relative), held);
            await held.Started;
            var stopped = server.SignalAsync("TERM");
            await server.WaitForOutputAsync("Application is shutting down...");
            held.Release();

            Assert.Equal(HttpStatusCode.OK, (await answer).StatusCode);
            Assert.Equal(0, await stopped);
        }

        await using var restarted = await ServerCommandProcess.StartAsync(Data, Settings);
        using var again = restarted.Client(admin: true);
        Assert.Equal(Repeats + 1, UpToDate(await HistoryAsync(again, enrollment)).Repeats);
    }

    // Enrolls a computer and runs its cycles: the first is a new decision (up to date, after the logon's
    // install), committed at once; the others repeat it and are batched. Returns the agent's client.
    private async Task<(Enrollment Enrollment, HttpClient Agent)> EnrollAndCycleAsync(ServerCommandProcess server)
    {
        using var admin = server.Client(admin: true);
        var enrollment = await EnrollAsync(admin, _root.Write("agent/steward-agent", $"#!/bin/sh\necho {Version}\n"));
        var agent = server.Client(authorization: new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{enrollment.ClientId}:{enrollment.ClientSecret}"))));
        for (var i = 0; i <= Repeats; i++)
        {
            var cycle = await agent.PostAsJsonAsync(Routes.Cycle("B01"), new CycleRequest(["10.2.0.1"], Version, null, null), ProtocolJson.Default.CycleRequest);
            Assert.Equal(HttpStatusCode.OK, cycle.StatusCode);
        }

        return (enrollment, agent);
    }

    private static DecisionView UpToDate(ClientHistory history) => Assert.Single(history.Decisions, d => d.Outcome == "UpToDate");

    // A package, a site, a logon point, and a computer enrolled at it: the smallest server an agent cycles against.
    private static async Task<Enrollment> EnrollAsync(HttpClient admin, string program)
    {
        using var archive = new MemoryStream();
        PackageArchive.Build(Path.GetDirectoryName(program)!, AgentVersion.Parse(Version), Path.GetFileName(program), archive);
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

    /// <summary>A request body whose first byte is sent at once and the rest only when released.</summary>
    private sealed class HeldBody(byte[] body) : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once the headers and the first byte are on their way.</summary>
        public Task Started => _started.Task;

        public void Release() => _released.SetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, 1));
            await stream.FlushAsync();
            _started.SetResult();
            await _released.Task;
            await stream.WriteAsync(body.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
