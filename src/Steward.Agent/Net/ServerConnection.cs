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

    /// <summary>A connection with the given limits.</summary>
    public ServerConnection(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
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

    /// <summary>The limits in force.</summary>
    public NetworkOptions Options { get; }

    /// <summary>The underlying client, for downloads.</summary>
    public HttpClient Http => _http;

    /// <summary>POSTs a JSON document and reads the JSON answer.</summary>
    public async Task<TResponse> PostAsync<TRequest, TResponse>(
        Uri url, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, ClientCredentials? credentials, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = credentials?.Header();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Refusal(url, response.StatusCode, bytes);
            }

            if (response.StatusCode == HttpStatusCode.NoContent || bytes.Length == 0)
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
        catch (HttpRequestException e) when (Trust.Refused(e, url) is { } refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new AgentException($"Cannot reach {url}: {e.Message}", e) { Transient = true };
        }
        catch (OperationCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new AgentException($"{url} did not answer within {Options.RequestTimeout.TotalSeconds:0} s.", e) { Transient = true };
        }
    }

    /// <summary>The server's refusal in words: the problem document's detail and field errors when there is one.</summary>
    public static AgentException Refusal(Uri url, HttpStatusCode status, byte[] body)
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
        return new AgentException($"{url} refused with {code} {status}{(words is null ? "" : ": " + words)}")
        {
            // Server trouble may pass; a 4xx is the server's considered answer to this request.
            Transient = code >= 500 || status == HttpStatusCode.TooManyRequests || status == HttpStatusCode.RequestTimeout,
        };
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
