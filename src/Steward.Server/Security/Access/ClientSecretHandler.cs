using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Steward.Policy.Sites;
using Steward.Server.Agents;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

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
