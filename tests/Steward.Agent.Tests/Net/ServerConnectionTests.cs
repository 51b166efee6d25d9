using System.Net;
using System.Text;
using Steward.Agent.Net;

namespace Steward.Agent.Tests.Net;

public sealed class ServerConnectionTests
{
    private static readonly Uri Url = new("http://127.0.0.1:5180/v1/access/B01/cycle");

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
    public void Credentials_NeverShowTheSecret()
    {
        var credentials = new ClientCredentials("client-7", "very-secret");

        Assert.DoesNotContain("very-secret", credentials.ToString(), StringComparison.Ordinal);
        Assert.Equal("Basic", credentials.Header().Scheme);
        Assert.Equal("client-7:very-secret", Encoding.UTF8.GetString(Convert.FromBase64String(credentials.Header().Parameter!)));
    }
}
