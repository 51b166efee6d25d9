using System.Net;
using System.Text;
using Steward.Agent.Net;
using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol;
using Steward.Protocol.Agent;

namespace Steward.Agent.Tests.Net;

public sealed class ServerConnectionTests
{
    private static readonly Uri Url = new("http://127.0.0.1:5180/v1/access/B01/cycle");

    private static readonly LogonResponse Answer = new("NotInBoundaries", "not in any boundary", null, [], null, null, "key", new Dictionary<string, string>());

    private static ServerConnection Connection(out List<TimeSpan> waits)
    {
        var seen = new List<TimeSpan>();
        waits = seen;
        return new ServerConnection(NetworkOptions.Default)
        {
            Wait = (delay, _) =>
            {
                seen.Add(delay);
                return Task.CompletedTask;
            },
        };
    }

    private static Task<LogonResponse> LogonAsync(ServerConnection connection, FakeSiteServer server) =>
        connection.PostAsync(
            server.LogonPoint, new LogonRequest("secret", "logon", "PC-1", ["192.168.1.7"], null, null, null),
            ProtocolJson.Default.LogonRequest, ProtocolJson.Default.LogonResponse, null, CancellationToken.None);

    [Fact]
    public void Refusal_ProblemDocument_SaysTheDetailAndEachFieldError()
    {
        var body = Encoding.UTF8.GetBytes("""{"title":"The request is not valid.","status":400,"detail":"addresses: not an address","errors":{"addresses":["'x' is not an address"]}}""");

        var refusal = ServerConnection.Refusal(Url, HttpStatusCode.BadRequest, body);

        Assert.Equal($"{Url} refused with 400 BadRequest: addresses: not an address (addresses: 'x' is not an address)", refusal.Message);
        Assert.False(refusal.Transient);
    }

    [Fact]
    public void Refusal_NotAProblemDocument_SaysTheStatus()
    {
        var refusal = ServerConnection.Refusal(Url, HttpStatusCode.BadGateway, Encoding.UTF8.GetBytes("<html>proxy</html>"));

        Assert.Equal($"{Url} refused with 502 BadGateway", refusal.Message);
        Assert.True(refusal.Transient);
    }

    [Fact]
    public async Task TooManyRequests_ShortRetryAfter_WaitedOutOnce_ThenAnswered()
    {
        await using var server = await FakeSiteServer.StartAsync();
        server.Logon = _ => Answer;
        server.LogonRefusals.Enqueue((429, "2"));
        using var connection = Connection(out var waits);

        var answer = await LogonAsync(connection, server);

        Assert.Equal("NotInBoundaries", answer.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(2)], waits);
        Assert.Equal(2, server.Logons);
    }

    [Fact]
    public async Task TooManyRequests_Twice_RetriedOnlyOnce_ThenReported()
    {
        await using var server = await FakeSiteServer.StartAsync();
        server.Logon = _ => Answer;
        server.LogonRefusals.Enqueue((429, "1"));
        server.LogonRefusals.Enqueue((429, "1"));
        using var connection = Connection(out var waits);

        var refusal = await Assert.ThrowsAsync<AgentException>(() => LogonAsync(connection, server));

        Assert.Equal([TimeSpan.FromSeconds(1)], waits);
        Assert.Equal(2, server.Logons);
        Assert.Contains("429", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_LongRetryAfter_ReportedAtOnceWithTheWait()
    {
        await using var server = await FakeSiteServer.StartAsync();
        server.Logon = _ => Answer;
        server.LogonRefusals.Enqueue((429, "300"));
        using var connection = Connection(out var waits);

        var refusal = await Assert.ThrowsAsync<AgentException>(() => LogonAsync(connection, server));

        Assert.Empty(waits);
        Assert.Equal(1, server.Logons);
        Assert.EndsWith("refused with 429 TooManyRequests: refused by the test (the server asks to wait 300 s before trying again)", refusal.Message, StringComparison.Ordinal);
        Assert.True(refusal.Transient);
    }

    [Fact]
    public void Credentials_NeverShowTheSecret()
    {
        var credentials = new ClientCredentials("client-7", "very-secret");

        Assert.DoesNotContain("very-secret", credentials.ToString(), StringComparison.Ordinal);
        Assert.Equal("Basic", credentials.Header().Scheme);
        Assert.Equal("client-7:very-secret", Encoding.UTF8.GetString(Convert.FromBase64String(credentials.Header().Parameter!)));
    }
}
