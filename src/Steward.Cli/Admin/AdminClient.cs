using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Steward.Protocol;

namespace Steward.Cli.Admin;

/// <summary>
/// The admin API over HTTP: sends the bearer token, reads documents through <see cref="ProtocolJson"/>,
/// and turns everything that is not a success into an <see cref="AdminFailure"/> that says, for
/// people, what went wrong and what to do.
/// </summary>
internal sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Connection _connection;

    /// <summary>A client for <paramref name="connection"/>.</summary>
    public AdminClient(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
#pragma warning disable CA2000 // The HttpClient owns the handler and disposes it.
        var handler = new SocketsHttpHandler { ConnectTimeout = AdminLimits.ConnectTimeout };
#pragma warning restore CA2000
        if (connection.Ca is { } ca)
        {
            // A private CA: exactly it is trusted for this server, whatever the system's store holds.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.ImportFromPem(ca);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        // Timeouts are per request (see SendAsync): an upload may take as long as its size needs.
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>The server's URL, for messages.</summary>
    public string Server => _connection.Display;

    /// <summary><c>GET</c> a document.</summary>
    public async Task<Answer<T>> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Address(path));
        return Read(request, await SendAsync(request, timed: true, cancellationToken).ConfigureAwait(false), type);
    }

    /// <summary>Sends <paramref name="body"/> as JSON and reads the answer's document.</summary>
    public async Task<Answer<T>> SendAsync<TBody, T>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = JsonRequest(method, path, body, bodyType);
        return Read(request, await SendAsync(request, timed: true, cancellationToken).ConfigureAwait(false), type);
    }

    /// <summary>Sends <paramref name="body"/> as JSON to an endpoint that answers without a document.</summary>
    public async Task SendAsync<TBody>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken)
    {
        using var request = JsonRequest(method, path, body, bodyType);
        await SendAsync(request, timed: true, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage JsonRequest<TBody>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType)
    {
        var request = new HttpRequestMessage(method, Address(path)) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    /// <summary><c>POST</c>s with no body and reads the answer's document.</summary>
    public async Task<Answer<T>> PostAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Address(path));
        return Read(request, await SendAsync(request, timed: true, cancellationToken).ConfigureAwait(false), type);
    }

    /// <summary><c>DELETE</c>; returns the answer's body, which may be empty.</summary>
    public async Task<byte[]> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Address(path));
        return await SendAsync(request, timed: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST</c>s <paramref name="content"/> as the raw body, streamed, without a request timeout.</summary>
    public async Task<Answer<T>> UploadAsync<T>(string path, Stream content, long length, string contentType, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Address(path)) { Content = new StreamContent(content, 81920) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Content.Headers.ContentLength = length;
        return Read(request, await SendAsync(request, timed: false, cancellationToken).ConfigureAwait(false), type);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    // Routes are absolute paths; appending keeps a path prefix in --server (a server behind a reverse proxy).
    private Uri Address(string path) => new(_connection.Display + path);

    /// <summary>
    /// <c>GET</c>s <paramref name="path"/> and copies the answer's body to <paramref name="destination"/> as it
    /// arrives: the answer must begin within the request timeout, and may then take as long as its size needs.
    /// </summary>
    public async Task DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Address(path));
        await ExchangeAsync(
            request,
            timed: true,
            async (content, token, timeout) =>
            {
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                await content.CopyToAsync(destination, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private Task<byte[]> SendAsync(HttpRequestMessage request, bool timed, CancellationToken cancellationToken) =>
        ExchangeAsync(request, timed, (content, token, _) => content.ReadAsByteArrayAsync(token), cancellationToken);

    // Sends the request; a success's content goes to onSuccess, with the token of the caller's cancellation
    // and the timeout together, and the timeout's source, which it may lift; anything else becomes an AdminFailure.
    private async Task<T> ExchangeAsync<T>(
        HttpRequestMessage request, bool timed, Func<HttpContent, CancellationToken, CancellationTokenSource, Task<T>> onSuccess, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(timed ? AdminLimits.RequestTimeout : Timeout.InfiniteTimeSpan);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await onSuccess(response.Content, linked.Token, timeout).ConfigureAwait(false);
            }

            var body = await ReadLimitedAsync(response.Content, linked.Token).ConfigureAwait(false);
            throw Failure(request, response.StatusCode, response.ReasonPhrase, body);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the user's cancellation: either our request timeout, or the handler's connect timeout
            // (a TaskCanceledException around a TimeoutException).
            throw timeout.IsCancellationRequested
                ? new AdminFailure(
                    ExitCodes.Unreachable,
                    $"steward: the server at {Server} did not answer {request.Method} {request.RequestUri!.AbsolutePath} within {AdminLimits.RequestTimeout.TotalSeconds:0} s")
                : Unreachable("cannot reach the server at", e.InnerException?.Message ?? e.Message);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(
                e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                    ? "cannot reach the server at"
                    : "lost the connection to the server at",
                e.Message);
        }
    }

    private AdminFailure Unreachable(string what, string why) =>
        new(ExitCodes.Unreachable, $"steward: {what} {Server}: {why}", $"  is the server running? The URL is {_connection.ServerSource}; --server or ${ConnectionResolver.UrlVariable} name another.");

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[AdminLimits.MaxErrorBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return buffer[..total];
        }
    }

    private AdminFailure Failure(HttpRequestMessage request, HttpStatusCode status, string? reason, byte[] body)
    {
        var problem = ProblemLines.TryRead(body);
        var code = (int)status;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var refusal = status == HttpStatusCode.Unauthorized ? "did not accept the admin token" : "does not allow the admin token to do this";
            return new AdminFailure(
                ExitCodes.NotAuthorized,
                $"steward: the server at {Server} {refusal} from {_connection.TokenSource} ({code}{(problem?.Detail is { } detail ? $": {detail}" : "")})",
                status == HttpStatusCode.Unauthorized
                    ? $"  the server writes its token to <data>/admin-token; pass it with --token or --token-file, or set ${ConnectionResolver.TokenVariable}"
                    : "  the token's role does not allow this; an admin can make a token with the role it needs ('steward token create NAME --role operator|admin')");
        }

        var exitCode = code >= 500 ? ExitCodes.ServerFailed : ExitCodes.Refused;
        if (problem is not null)
        {
            return new AdminFailure(exitCode, [.. ProblemLines.Of(problem, code)]);
        }

        return new AdminFailure(exitCode, $"steward: the server at {Server} answered {request.Method} {request.RequestUri!.AbsolutePath} with {code} {reason}");
    }

    private T ReadDocument<T>(HttpRequestMessage request, byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("the document is null");
        }
        catch (JsonException e)
        {
            throw new AdminFailure(
                ExitCodes.ServerFailed,
                $"steward: the server at {Server} answered {request.Method} {request.RequestUri!.AbsolutePath} with a document that is not what steward reads: {e.Message}",
                "  (is it a Steward server of the same version?)");
        }
    }

    private Answer<T> Read<T>(HttpRequestMessage request, byte[] body, JsonTypeInfo<T> type) => new(ReadDocument(request, body, type), body);
}
