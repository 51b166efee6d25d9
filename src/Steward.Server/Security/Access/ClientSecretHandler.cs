using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Steward.Policy.Sites;
using Steward.Server.Agents;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

// The client-secret scheme, the metadata an endpoint gives it (ReadsCycleFacts) and the result it leaves on the
// request (AuthenticatedClient): one concern, kept in one file (docs/ARCHITECTURE.md, flow 7).
namespace Steward.Server.Security.Access;

/// <summary>
/// Authenticates an enrolled client by <c>Authorization: Basic base64(id:secret)</c>: the secret's hash is
/// compared in constant time with the stored one, and an unknown id and a wrong secret are refused alike.
/// The row read is kept on the request (<see cref="AuthenticatedClient"/>), so the endpoint does not read it again.
/// </summary>
internal sealed class ClientSecretHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IStewardStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Challenge = "Basic realm=\"steward\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Parse(Request) is not { } credentials)
        {
            // No Basic header: not this scheme's to refuse; an unreadable one is refused like a wrong secret.
            return Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? Refuse() : AuthenticateResult.NoResult();
        }

        if (credentials.Id.Length > ClientAuthenticator.MaxIdLength)
        {
            return Refuse();
        }

        CycleFacts? facts = null;
        ClientRow? client;
        if (Context.GetEndpoint()?.Metadata.GetMetadata<ReadsCycleFacts>() is not null
            && Request.RouteValues["site"] is string site && SiteCode.Parse(site) is { Success: true } code)
        {
            facts = await store.ReadCycleFactsAsync(credentials.Id, code.Value.ToString(), Context.RequestAborted).ConfigureAwait(false);
            client = facts.Client;
        }
        else
        {
            client = await store.FindClientAsync(credentials.Id, Context.RequestAborted).ConfigureAwait(false);
        }

        if (client is null || !Secrets.Matches(credentials.Secret, client.SecretHash))
        {
            return Refuse();
        }

        Context.Features.Set(new AuthenticatedClient(client, facts));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, client.Id)], AccessSchemes.ClientSecret);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AccessSchemes.ClientSecret));
    }

    // The id and secret of a Basic header, or null when there is none or it cannot be read.
    private static (string Id, string Secret)? Parse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private AuthenticateResult Refuse()
    {
        Context.Features.Set(new AuthenticationRefusal(ClientAuthenticator.Refusal, Challenge));
        return AuthenticateResult.Fail(ClientAuthenticator.Refusal);
    }
}

/// <summary>
/// The client a request's credentials named, as read to authenticate it, kept on the request's features so
/// that the endpoint decides from the very row the secret was checked against without reading it again.
/// </summary>
/// <param name="Client">The client's row.</param>
/// <param name="Facts">For a maintenance cycle: the client, its sites and the access point's site, read together.</param>
internal sealed record AuthenticatedClient(ClientRow Client, CycleFacts? Facts)
{
    /// <summary>
    /// True when a row of the client read again (a retry after a concurrent change) still has the secret
    /// that was verified: the stored hashes are the same, so the request's secret still matches.
    /// </summary>
    public bool SameSecret(ClientRow reread) =>
        reread is not null && string.Equals(reread.Id, Client.Id, StringComparison.Ordinal) && string.Equals(reread.SecretHash, Client.SecretHash, StringComparison.Ordinal);

    /// <summary>The client the request was authenticated as; the endpoints that call this require it.</summary>
    public static AuthenticatedClient Of(HttpContext context) =>
        context?.Features.Get<AuthenticatedClient>() ?? throw new InvalidOperationException("the endpoint was reached without an authenticated client: its authorization policy is missing");
}

/// <summary>
/// Endpoint metadata for the maintenance cycle: client authentication reads the client together with the
/// site of the route's <c>{site}</c> and the client's sites (one look-up, the one the cycle needs anyway),
/// instead of the client alone.
/// </summary>
internal sealed class ReadsCycleFacts
{
    public static ReadsCycleFacts Instance { get; } = new();

    private ReadsCycleFacts()
    {
    }
}
