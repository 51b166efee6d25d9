using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Steward.Protocol;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Http;

/// <summary>
/// What a client can get wrong on the wire, sent over a raw connection to a real Kestrel: each is the
/// client's fault, answered with a 4xx problem document, and never an error in the server's log.
/// </summary>
public sealed class TransportFaultTests
{
    [Fact]
    public async Task MalformedJson_Is400_AndTheKeepAliveConnectionStaysUsable()
    {
        await using var app = await KestrelApp.StartAsync();
        await using var connection = await RawConnection.OpenAsync(app.Address);

        await connection.SendAsync(Post(app, Routes.Sites, "application/json", "{\"code\": \"A01\", \"boundaries\": [tru"));
        var refused = await connection.ReadResponseAsync();
        await connection.SendAsync(Get(app, Routes.Sites));
        var next = await connection.ReadResponseAsync();

        AssertProblem(400, refused);
        Assert.False(refused!.Closes, "a malformed body does not end the connection");
        Assert.NotNull(next);
        Assert.Equal(200, next!.Status);
        app.Log.AssertNoErrors();
    }

    [Fact]
    public async Task BadChunkSize_Is400Problem()
    {
        await using var app = await KestrelApp.StartAsync();

        var answer = await AnswerAsync(app, Head(app, "POST", Routes.Sites, "application/json", "Transfer-Encoding: chunked") + "zz\r\n{}\r\n0\r\n\r\n");

        AssertProblem(400, answer);
        app.Log.AssertNoErrors();
    }

    [Fact]
    public async Task BadChunkSize_ClosesTheConnection_ThatCannotGoOn()
    {
        await using var app = await KestrelApp.StartAsync();
        await using var connection = await RawConnection.OpenAsync(app.Address);

        await connection.SendAsync(Head(app, "POST", Routes.Sites, "application/json", "Transfer-Encoding: chunked") + "2\r\n{}\r\nzz\r\n");
        var refused = await connection.ReadResponseAsync();
        await connection.SendAsync(Get(app, Routes.Sites));
        var next = await connection.ReadResponseAsync();

        AssertProblem(400, refused);
        Assert.True(refused!.Closes, "the answer says the connection ends");
        Assert.Null(next);
        Assert.Empty(app.Log.Faults);
    }

    [Theory]
    [InlineData("GET", "/v1/sites", true, "Transfer-Encoding: chunked", "2\r\n{}\r\nzz\r\n")]
    [InlineData("POST", "/v1/sites", false, "Transfer-Encoding: chunked", "2\r\n{}\r\nzz\r\n")]
    [InlineData("PUT", "/v1/logon-points/A01", false, "Transfer-Encoding: chunked", "2\r\n{}\r\nzz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("PUT", "/v1/logon-points/A01", true, "Transfer-Encoding: chunked", "2\r\n{}\r\nzz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("POST", "/v1/no-such-path", true, "Transfer-Encoding: chunked", "2\r\n{}\r\nzz\r\n")]
    [InlineData("DELETE", "/v1/fleet", true, "Transfer-Encoding: chunked", "zz\r\n")]
    [InlineData("POST", "/v1/sites", true, "Content-Length: 3", "{}}garbage\r\n\r\n")]
    [InlineData("GET", "/v1/sites", true, "Content-Length: 3", "{}}garbage\r\n\r\n")]
    [InlineData("POST", "/v1/packages?version=2.00.1493.2000", true, "Transfer-Encoding: chunked", "2\r\nPK\r\nzz\r\n")]
    [InlineData("POST", "/v1/packages?version=x", true, "Transfer-Encoding: chunked", "2\r\nPK\r\nzz\r\n")]
    [InlineData("POST", "/v1/access/A01/cycle", false, "Transfer-Encoding: chunked", "2\r\n{}\r\nzz\r\n")]
    [InlineData("GET", "/v1/sites", true, "Content-Length: 30", "{}")]
    [InlineData("POST", "/v1/sites", false, "Content-Length: 30", "{}")]
    [InlineData("POST", "/v1/sites", true, "Content-Length: 30", "{}")]
    public async Task BrokenFramings_EndTheConnectionCleanly(string method, string path, bool admin, string framing, string body)
    {
        await using var app = await KestrelApp.StartAsync();
        await using var connection = await RawConnection.OpenAsync(app.Address);
        var head = Head(app, method, path, path.StartsWith("/v1/packages", StringComparison.Ordinal) ? "application/zip" : "application/json", framing);

        await connection.SendAsync((admin ? head : head.Replace($"Authorization: Bearer {app.AdminToken}\r\n", "", StringComparison.Ordinal)) + body);
        var shortBody = framing.StartsWith("Content-Length: 30", StringComparison.Ordinal);
        if (shortBody)
        {
            // The client sends less than it announced and stops.
            connection.EndSending();
        }

        var first = await connection.ReadResponseAsync();
        if (!shortBody)
        {
            await connection.SendAsync(Get(app, Routes.Sites));
        }

        var next = await connection.ReadResponseAsync();

        Assert.True(first is null ? shortBody : first.Status is >= 200 and < 500, $"the broken request: {first}");
        Assert.True(next is null || next.Status < 500, $"after the broken body: {next}");
        Assert.Empty(app.Log.Faults);
    }

    [Fact]
    public async Task BodyEndsBeforeItsContentLength_IsNoServerError()
    {
        await using var app = await KestrelApp.StartAsync();

        var answer = await AnswerAsync(app, Head(app, "POST", Routes.Sites, "application/json", "Content-Length: 100") + "{\"code\":", endSending: true);

        // Kestrel takes the end of the client's stream for the client leaving and aborts the request: there
        // is no one to answer. Were an answer written, it would be the 400 of a truncated body.
        if (answer is not null)
        {
            AssertProblem(400, answer);
        }

        app.Log.AssertNoErrors();
    }

    [Fact]
    public async Task BodySlowerThanTheMinimumDataRate_Is408Problem()
    {
        // Kestrel measures the rate on its own one-second heartbeat; the shortest grace it allows keeps the wait short.
        await using var app = await KestrelApp.StartAsync(k => k.Limits.MinRequestBodyDataRate = new MinDataRate(1000, TimeSpan.FromSeconds(1.1)));

        var answer = await AnswerAsync(app, Head(app, "POST", Routes.Sites, "application/json", "Content-Length: 1000") + "{\"code\":");

        AssertProblem(408, answer);
        app.Log.AssertNoErrors();
    }

    /// <summary>
    /// What Kestrel refuses while it parses the request line and headers, before any application code runs,
    /// it answers itself with an empty body and closes the connection: those answers cannot be problem
    /// documents (docs/PROTOCOL.md says so). They are still 4xx, and nothing is logged as an error.
    /// </summary>
    [Theory]
    [InlineData("request line too long", 414)]
    [InlineData("headers too large", 431)]
    [InlineData("NUL in the path", 400)]
    [InlineData("broken request line", 400)]
    [InlineData("Content-Length not a number", 400)]
    public async Task KestrelsOwnRefusals_AreEmpty4xx_ThatCloseTheConnection(string what, int status)
    {
        await using var app = await KestrelApp.StartAsync();
        var request = what switch
        {
            "request line too long" => Get(app, "/v1/sites/" + new string('A', 9000)),
            "headers too large" => Head(app, "GET", Routes.Sites, null, "X-Big: " + new string('x', 40_000)),
            "NUL in the path" => Get(app, "/v1/sites/A%00"),
            "broken request line" => "GET /v1/sites HTTP/9\r\n\r\n",
            _ => Head(app, "POST", Routes.Sites, "application/json", "Content-Length: ten") + "{}",
        };

        var answer = await AnswerAsync(app, request);

        Assert.NotNull(answer);
        Assert.Equal(status, answer!.Status);
        Assert.True(answer.Closes && answer.Body.Length == 0, $"Kestrel's own answer: {answer}");
        app.Log.AssertNoErrors();
    }

    internal static void AssertProblem(int status, RawResponse? answer)
    {
        Assert.NotNull(answer);
        Assert.True(answer!.Status == status, $"expected {status}, got {answer}");
        Assert.StartsWith("application/problem+json", answer.ContentType, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(answer.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()), $"a problem document says what was wrong: {answer}");
    }

    /// <summary>Sends the bytes on a new connection (then ends the sending side when asked) and reads the answer.</summary>
    internal static async Task<RawResponse?> AnswerAsync(KestrelApp app, string request, bool endSending = false)
    {
        await using var connection = await RawConnection.OpenAsync(app.Address);
        await connection.SendAsync(request);
        if (endSending)
        {
            connection.EndSending();
        }

        return await connection.ReadResponseAsync();
    }

    internal static string Head(KestrelApp app, string method, string path, string? contentType, params string[] headers) =>
        $"{method} {path} HTTP/1.1\r\nHost: {app.Address.Authority}\r\nAuthorization: Bearer {app.AdminToken}\r\n"
        + (contentType is null ? "" : $"Content-Type: {contentType}\r\n")
        + string.Concat(headers.Select(h => h + "\r\n")) + "\r\n";

    internal static string Post(KestrelApp app, string path, string contentType, string body) =>
        Head(app, "POST", path, contentType, $"Content-Length: {Encoding.UTF8.GetByteCount(body)}") + body;

    internal static string Get(KestrelApp app, string path) => Head(app, "GET", path, null);
}
