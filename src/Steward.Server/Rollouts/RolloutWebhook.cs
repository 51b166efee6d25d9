using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Steward.Server.Hosting;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>
/// Posts each halt and completion to <see cref="ServerOptions.RolloutWebhookUrl"/>: the JSON body stored
/// with the change (an outbox written in its transaction), signed with HMAC-SHA256 under
/// <see cref="ServerOptions.RolloutWebhookSecret"/> in <c>Steward-Signature: sha256=&lt;hex&gt;</c>. An answer
/// other than 2xx, or none, is tried again after 30 s, 1 min, 2 min ... up to an hour apart, for two days.
/// Any server process may deliver an event; claiming it first keeps the others off it. Driven by <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class RolloutWebhook(IRolloutStore store, ServerOptions options, TimeProvider time, ILogger<RolloutWebhook> log) : BackgroundService
{
    /// <summary>The header with the body's signature.</summary>
    public const string SignatureHeader = "Steward-Signature";

    /// <summary>The header with the event's kind (<c>halted</c>, <c>completed</c>).</summary>
    public const string EventHeader = "Steward-Event";

    /// <summary>The most tries of one event: about two days at the longest backoff.</summary>
    public const int MaxTries = 50;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(1);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Throws unless the settings make a webhook (a URL, absolute http or https, with a secret) or none.</summary>
    public static void Check(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RolloutWebhookUrl is null)
        {
            return;
        }

        if (!Uri.TryCreate(options.RolloutWebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidConfigurationException($"Steward:RolloutWebhookUrl '{options.RolloutWebhookUrl}' is not an absolute http or https URL.");
        }

        if (string.IsNullOrEmpty(options.RolloutWebhookSecret) || options.RolloutWebhookSecret.Length < 16)
        {
            throw new InvalidConfigurationException("Steward:RolloutWebhookUrl needs Steward:RolloutWebhookSecret, at least 16 characters, to sign the body with.");
        }
    }

    /// <summary>The signature header's value for <paramref name="body"/>: <c>sha256=</c> and the HMAC in lower-case hex.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Check(options);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RolloutWebhookUrl is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Poll, time);
        do
        {
            await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Tries every event due now once; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var claimed = await store.ClaimEventAsync(now.ToUnixTimeMilliseconds(), (now + Lease).ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
                if (claimed is null)
                {
                    return delivered;
                }

                var error = await PostAsync(claimed, cancellationToken).ConfigureAwait(false);
                var after = time.GetUtcNow();
                if (error is null)
                {
                    delivered++;
                    await store.RecordEventTryAsync(claimed.Id, after.ToUnixTimeMilliseconds(), null, claimed.NextAt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var next = claimed.Tries >= MaxTries ? long.MaxValue : (after + Backoff(claimed.Tries)).ToUnixTimeMilliseconds();
                LogFailed(claimed.Kind, claimed.Rollout, (int)claimed.Tries, error, claimed.Tries >= MaxTries ? "gave up" : "tries again later");
                await store.RecordEventTryAsync(claimed.Id, null, error, next, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbException e)
        {
            LogStoreFailed(e.Message);
            return delivered;
        }
    }

    /// <summary>The wait after try <paramref name="tries"/>: 30 s, doubled each time, at most an hour.</summary>
    public static TimeSpan Backoff(long tries)
    {
        var wait = FirstBackoff * Math.Pow(2, Math.Clamp(tries - 1, 0, 20));
        return wait > LongestBackoff ? LongestBackoff : wait;
    }

    // Null when delivered (any 2xx); otherwise what went wrong, in words.
    private async Task<string?> PostAsync(RolloutEventRow row, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.RolloutWebhookUrl)
        {
            Content = new StringContent(row.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SignatureHeader, Sign(options.RolloutWebhookSecret!, row.Body));
        request.Headers.Add(EventHeader, row.Kind);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer within 10 s";
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rollout webhook for {Kind} of rollout {Rollout} failed at try {Tries} ({Error}); it {Next}.")]
    private partial void LogFailed(string kind, string rollout, int tries, string error, string next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rollout webhook could not read or write its events ({Reason}); it tries again at its next poll.")]
    private partial void LogStoreFailed(string reason);
}
