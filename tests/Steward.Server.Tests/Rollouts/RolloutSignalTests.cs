using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Protocol;
using Steward.Server.Rollouts;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Rollouts;

/// <summary>A halt is visible: the webhook is posted a signed body (retried with backoff), and the metrics count rollouts by state and attempts by result.</summary>
public abstract class RolloutSignalTests : RolloutTest, IDisposable
{
    private const string WebhookSecret = "a-webhook-secret-of-some-length";
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Body, string? Signature, string? Kind)> _received = new();
    private readonly ConcurrentQueue<int> _answers = new([500, 200]);
    private readonly string _url;

    protected RolloutSignalTests()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        _url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
        _ = ServeAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Steward:RolloutWebhookUrl"] = _url,
        ["Steward:RolloutWebhookSecret"] = WebhookSecret,
    };

    [Fact]
    public async Task Halt_IsPostedSigned_RetriedAfterBackoff_DeliveredOnce()
    {
        await StartedAsync(pilot: ["PC-1"]);
        await ReportAsync(await OpenAttemptAsync("PC-1"), "PC-1", succeeded: false, "health check failed");
        var webhook = App.Services.GetRequiredService<RolloutWebhook>();

        await webhook.DeliverDueAsync(CancellationToken.None);
        Assert.Single(_received);
        await webhook.DeliverDueAsync(CancellationToken.None);
        Assert.Single(_received);

        Time.Advance(RolloutWebhook.Backoff(1));
        await webhook.DeliverDueAsync(CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(2));
        await webhook.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(2, _received.Count);
        var (body, signature, kind) = _received.Last();
        Assert.Equal(RolloutWebhook.Sign(WebhookSecret, body), signature);
        Assert.Equal("halted", kind);
        var notice = JsonSerializer.Deserialize(body, ProtocolJson.Default.RolloutNotice)!;
        Assert.Equal(("halted", "sp", "B01", "halted", 1L), (notice.Event, notice.Rollout, notice.Site, notice.State, notice.Failures));
        Assert.Contains("pilot client PC-1 failed", notice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_CountRolloutsByState_AndAttemptsByResult()
    {
        await StartedAsync(haltFailures: 1, haltRate: "0");
        await ReportAsync(await OpenAttemptAsync("PC-2"), "PC-2", succeeded: false);
        await OpenAttemptAsync("PC-3");
        await Sweeper.SweepAsync(CancellationToken.None);

        var metrics = await App.Anonymous.GetStringAsync("/metrics");

        Assert.Matches("steward_rollouts[^\\n]*state=\"halted\"[^\\n]* 1", metrics);
        Assert.Matches("steward_rollout_attempts[^\\n]*result=\"failed\"[^\\n]* 1", metrics);
        Assert.Matches("steward_rollout_attempts[^\\n]*result=\"open\"[^\\n]* 1", metrics);
    }

    public void Dispose()
    {
        _listener.Close();
        GC.SuppressFinalize(this);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            _received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers[RolloutWebhook.SignatureHeader], context.Request.Headers[RolloutWebhook.EventHeader]));
            context.Response.StatusCode = _answers.TryDequeue(out var status) ? status : 200;
            context.Response.Close();
        }
    }
}

public sealed class RolloutSignalsOnSqlite : RolloutSignalTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class RolloutSignalsOnPostgres : RolloutSignalTests
{
    protected override Engine Engine => Engine.Postgres;
}
