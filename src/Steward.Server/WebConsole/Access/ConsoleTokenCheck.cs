using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

namespace Steward.Server.WebConsole.Access;

/// <summary>
/// Checks the console's cookie against the token store on every request: the token it names must still be
/// neither revoked nor expired, else the cookie is deleted and the request is signed out; the role is the
/// token's role now, not the one it had at sign-in. A refusal is a 403 page rather than a redirect.
/// </summary>
internal sealed class ConsoleTokenCheck(IStewardStore store, TokenUse use, TimeProvider time) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hash = context.Principal?.FindFirst(ConsoleAccess.TokenClaim)?.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var token = hash is null ? null : await store.FindTokenAsync(hash, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (token is null || !token.ActiveAt(now))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleAccess.Scheme).ConfigureAwait(false);
            return;
        }

        await use.RecordAsync(token.Hash, now, context.HttpContext.RequestAborted).ConfigureAwait(false);
        context.ReplacePrincipal(ConsoleAccess.Principal(token.Name, token.Role, token.Hash));
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
