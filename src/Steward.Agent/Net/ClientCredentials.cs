using System.Net.Http.Headers;
using System.Text;

namespace Steward.Agent.Net;

/// <summary>An enrolled client's id and secret, sent as HTTP Basic authentication to access points and content.</summary>
/// <param name="ClientId">The client id.</param>
/// <param name="ClientSecret">The client secret.</param>
internal sealed record ClientCredentials(string ClientId, string ClientSecret)
{
    /// <summary>The Authorization header value.</summary>
    public AuthenticationHeaderValue Header() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}")));

    /// <summary>Keeps the secret out of logs and exception messages.</summary>
    public override string ToString() => $"client {ClientId}";
}
