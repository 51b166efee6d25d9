using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Protocol;
using Steward.Protocol.Agent;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback (Kestrel) that plays a site server for the agent: a logon point, access
/// points and package content with Range and ETag, answering what each test sets. Content can be served
/// honestly, slowly, with bytes too many, or stopping mid-transfer.
/// </summary>
internal sealed class FakeSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _content = new(StringComparer.OrdinalIgnoreCase);

    private int _logons;

    private FakeSiteServer(WebApplication app) => _app = app;

    /// <summary>The server's origin, like <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>The logon point's address.</summary>
    public Uri LogonPoint => new(Origin, "/v1/logon/DC1");

    /// <summary>The answer to a logon request.</summary>
    public Func<LogonRequest, LogonResponse> Logon { get; set; } = _ => throw new InvalidOperationException("no logon answer set");

    /// <summary>Refusals that come before the logon answer: each logon request takes the next (its status and Retry-After) while any are left.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> LogonRefusals { get; } = new();

    /// <summary>How many logon requests arrived.</summary>
    public int Logons => _logons;

    /// <summary>The answer to a cycle request, given the site and the request.</summary>
    public Func<string, CycleRequest, CycleResponse> Cycle { get; set; } = (_, _) => throw new InvalidOperationException("no cycle answer set");

    /// <summary>How content is served.</summary>
    public ContentBehaviour Content { get; set; } = ContentBehaviour.Honest;

    /// <summary>Every report received.</summary>
    public ConcurrentQueue<UpgradeReport> Reports { get; } = new();

    /// <summary>Every cycle request received.</summary>
    public ConcurrentQueue<CycleRequest> Cycles { get; } = new();

    /// <summary>The Range header of every content request (null for none).</summary>
    public ConcurrentQueue<string?> Ranges { get; } = new();

    /// <summary>The Authorization header of every access point and content request.</summary>
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeSiteServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ProtocolJson.Default));
        var app = builder.Build();
        var server = new FakeSiteServer(app);
        server.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Origin = new Uri(address);
        return server;
    }

    /// <summary>Serves <paramref name="archive"/> at <c>/v1/content/&lt;sha256&gt;</c>.</summary>
    public void Serve(byte[] archive) => _content[Convert.ToHexStringLower(SHA256.HashData(archive))] = archive;

    /// <summary>The access points of sites, at this server.</summary>
    public Dictionary<string, string> AccessPoints(params string[] sites) =>
        sites.ToDictionary(s => s, s => new Uri(Origin, $"/v1/access/{s}").ToString(), StringComparer.Ordinal);

    private void Map()
    {
        _app.MapPost("/v1/logon/{name}", async (HttpContext http) =>
        {
            var request = await JsonSerializer.DeserializeAsync(http.Request.Body, ProtocolJson.Default.LogonRequest);
            Interlocked.Increment(ref _logons);
            if (LogonRefusals.TryDequeue(out var refusal))
            {
                if (refusal.RetryAfter is { } after)
                {
                    http.Response.Headers.RetryAfter = after;
                }

                return Results.Problem(detail: "refused by the test", statusCode: refusal.Status);
            }

            return Results.Json(Logon(request!), ProtocolJson.Default.LogonResponse);
        });
        _app.MapPost("/v1/access/{site}/cycle", async (string site, HttpContext http) =>
        {
            Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
            var request = await JsonSerializer.DeserializeAsync(http.Request.Body, ProtocolJson.Default.CycleRequest);
            Cycles.Enqueue(request!);
            return Results.Json(Cycle(site, request!), ProtocolJson.Default.CycleResponse);
        });
        _app.MapPost("/v1/access/{site}/report", async (HttpContext http) =>
        {
            Reports.Enqueue((await JsonSerializer.DeserializeAsync(http.Request.Body, ProtocolJson.Default.UpgradeReport))!);
            return Results.NoContent();
        });
        _app.MapGet("/v1/content/{sha}", (string sha, HttpContext http) => ServeContentAsync(sha, http));
    }

    private async Task ServeContentAsync(string sha, HttpContext http)
    {
        Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
        var range = http.Request.Headers.Range.ToString();
        Ranges.Enqueue(range.Length == 0 ? null : range);
        if (!_content.TryGetValue(sha, out var archive))
        {
            http.Response.StatusCode = 404;
            return;
        }

        var behaviour = Content;
        long from = 0;
        var ifRange = http.Request.Headers.IfRange.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && (ifRange.Length == 0 || ifRange == $"\"{sha}\""))
        {
            from = long.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
            if (from >= archive.Length)
            {
                http.Response.StatusCode = 416;
                return;
            }

            http.Response.StatusCode = 206;
            http.Response.Headers.ContentRange = new ContentRangeHeaderValue(from, archive.Length - 1, archive.Length).ToString();
        }

        http.Response.Headers.ETag = $"\"{sha}\"";
        http.Response.ContentType = "application/zip";
        if (behaviour.ExtraBytes == 0)
        {
            http.Response.ContentLength = archive.Length - from;
        }

        var position = from;
        while (position < archive.Length)
        {
            if (behaviour.StallAfter is { } stall && position >= stall)
            {
                await http.Response.Body.FlushAsync(http.RequestAborted);

                // Holds the connection open, sending nothing, until the client gives up.
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            var end = Math.Min(archive.Length, position + behaviour.ChunkSize);
            if (behaviour.StallAfter is { } limit && end > limit && position < limit)
            {
                end = limit;
            }

            await http.Response.Body.WriteAsync(archive.AsMemory((int)position, (int)(end - position)), http.RequestAborted);
            position = end;
            if (behaviour.ChunkDelay > TimeSpan.Zero)
            {
                await http.Response.Body.FlushAsync(http.RequestAborted);
                await Task.Delay(behaviour.ChunkDelay, http.RequestAborted);
            }
        }

        if (behaviour.ExtraBytes > 0)
        {
            await http.Response.Body.WriteAsync(new byte[behaviour.ExtraBytes], http.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
