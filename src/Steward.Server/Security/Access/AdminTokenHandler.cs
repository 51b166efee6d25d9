using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Steward.Server.Storage;

namespace Steward.Server.Security.Access;

/// <summary>
/// Authenticates an administrator by <c>Authorization: Bearer &lt;token&gt;</c>: the token is found by its
/// SHA-256 (the database holds nothing else of it), and must be neither revoked nor expired. The principal
/// carries the token's name (the audit log's actor) and its role.
/// </summary>
internal sealed class AdminTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IStewardStore store, TokenUse use, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Missing = "this endpoint needs an administrator token: send 'Authorization: Bearer <token>' (the server wrote the first token to <data>/admin-token)";

    public const string Challenge = "Bearer";

    private const string InvalidChallenge = "Bearer error=\"invalid_token\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = Secrets.Hash(header["Bearer ".Length..].Trim());
        var token = await store.FindTokenAsync(hash, Context.RequestAborted).ConfigureAwait(false);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (token is null)
        {
            return Refuse("the administrator token is not known to this server");
        }

        if (token.RevokedAt is { } revoked)
        {
            return Refuse($"the administrator token '{token.Name}' was revoked at {Iso(revoked)}");
        }

        if (token.ExpiresAt is { } expires && expires <= now)
        {
            return Refuse($"the administrator token '{token.Name}' expired at {Iso(expires)}");
        }

        await use.RecordAsync(hash, now, Context.RequestAborted).ConfigureAwait(false);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, token.Name), new Claim(ClaimTypes.Role, token.Role)], AccessSchemes.AdminToken);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AccessSchemes.AdminToken));
    }

    private AuthenticateResult Refuse(string detail)
    {
        Context.Features.Set(new AuthenticationRefusal(detail, InvalidChallenge));
        return AuthenticateResult.Fail(detail);
    }

    private static string Iso(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
