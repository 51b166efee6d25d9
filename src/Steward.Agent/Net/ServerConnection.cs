using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Steward.Protocol;

namespace Steward.Agent.Net;

/// <summary>
/// The agent's HTTP client: JSON requests to logon and access points, problem documents turned into
/// <see cref="AgentException"/>s that say what the server said, and network trouble marked transient.
/// </summary>
internal sealed class ServerConnection : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A connection with the given limits; <paramref name="time"/> is the clock a <c>Retry-After</c> is waited out on.</summary>
    public ServerConnection(NetworkOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time ?? TimeProvider.System;
        Wait = (delay, cancellationToken) => Task.Delay(delay, Time, cancellationToken);
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Trust.Validate(certificate, chain, errors) },
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(AgentBuild.ProgramName, AgentBuild.Version.ToString()));
    }

    /// <summary>The server certificates accepted over HTTPS: the computer's store, or the private CA of the state.</summary>
    public ServerTrust Trust { get; } = new();

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>How a <c>Retry-After</c> is waited out (a test sees the wait instead of sleeping).</summary>
    public Func<TimeSpan, CancellationToken, Task> Wait { get; set; }

    /// <summary>The limits in force.</summary>
    public NetworkOptions Options { get; }

    /// <summary>The underlying client, for downloads.</summary>
    public HttpClient Http => _http;

    /// <summary>
    /// POSTs a JSON document and reads the JSON answer. A 429 whose <c>Retry-After</c> is at most
    /// <see cref="NetworkOptions.MaxRetryAfterWait"/> is waited out and the request sent once more; any other
    /// refusal (a longer wait included) is an <see cref="AgentException"/> that says it.
    /// </summary>
    public async Task<TResponse> PostAsync<TRequest, TResponse>(
        Uri url, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, ClientCredentials? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var content = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        var (status, bytes, retryAfter) = await SendAsync(url, content, credentials, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.TooManyRequests && retryAfter is { } wait && wait <= Options.MaxRetryAfterWait)
        {
            await Wait(wait, cancellationToken).ConfigureAwait(false);
            (status, bytes, retryAfter) = await SendAsync(url, content, credentials, cancellationToken).ConfigureAwait(false);
        }

        if ((int)status is < 200 or > 299)
        {
            throw Refusal(url, status, bytes, retryAfter);
        }

        if (status == HttpStatusCode.NoContent || bytes.Length == 0)
        {
            return default!;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, responseType)
                ?? throw new AgentException($"{url} answered an empty document.");
        }
        catch (JsonException e)
        {
            throw new AgentException($"{url} answered something that is not the expected document ({e.Message}).", e);
        }
    }

    // One request: the status, the body, and how long the server asked to wait (Retry-After), if it did.
    private async Task<(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter)> SendAsync(Uri url, byte[] content, ClientCredentials? credentials, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = credentials?.Header();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var after = response.Headers.RetryAfter;
            var retryAfter = after?.Delta ?? (after?.Date is { } date ? date - Time.GetUtcNow() : null);
            return (response.StatusCode, bytes, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);
        }
        catch (HttpRequestException e) when (Trust.Refused(e, url) is { } refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new AgentException($"Cannot reach {url}: {e.Message}", e) { Transient = true };
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AgentException($"{url} did not answer within {Options.RequestTimeout.TotalSeconds:0} s.", e) { Transient = true };
        }
    }

    /// <summary>The server's refusal in words: the problem document's detail and field errors when there is one.</summary>
    public static AgentException Refusal(Uri url, HttpStatusCode status, byte[] body, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? words = null;
        try
        {
            if (body.Length > 0 && JsonSerializer.Deserialize(body, ProtocolJson.Default.ProblemDocument) is { } problem)
            {
                words = problem.Detail ?? problem.Title;
                if (problem.Errors is { Count: > 0 } errors)
                {
                    words += " (" + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")) + ")";
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document: the status alone is said.
        }

        var code = (int)status;
        var wait = retryAfter is { } after ? string.Create(CultureInfo.InvariantCulture, $" (the server asks to wait {Math.Ceiling(after.TotalSeconds)} s before trying again)") : "";
        return new AgentException($"{url} refused with {code} {status}{(words is null ? "" : ": " + words)}{wait}")
        {
            // Server trouble may pass; a 4xx is the server's considered answer to this request.
            Transient = code >= 500 || status == HttpStatusCode.TooManyRequests || status == HttpStatusCode.RequestTimeout,
        };
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
