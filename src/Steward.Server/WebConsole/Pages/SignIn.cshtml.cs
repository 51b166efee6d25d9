using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Steward.Server.Security;
using Steward.Server.WebConsole.Access;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/sign-in</c>: a token typed in opens a console session; the cookie keeps the token's hash (its
/// id in the token store), never the token.
/// </summary>
public sealed class SignInModel : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        var hash = Secrets.Hash((token ?? "").Trim());
        var row = string.IsNullOrWhiteSpace(token) ? null : await Store.FindTokenAsync(hash, HttpContext.RequestAborted).ConfigureAwait(false);
        var now = Now.ToUnixTimeMilliseconds();
        Refusal = row is null ? "This token is not known to this server."
            : row.RevokedAt is not null ? $"The token '{row.Name}' was revoked at {Views.Formats.Time(row.RevokedAt)}."
            : !row.ActiveAt(now) ? $"The token '{row.Name}' expired at {Views.Formats.Time(row.ExpiresAt)}."
            : null;
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(ConsoleAccess.Scheme, ConsoleAccess.Principal(row!.Name, row.Role, row.Hash)).ConfigureAwait(false);
        return LocalRedirect(ReturnUrl is { } back && Url.IsLocalUrl(back) && back.StartsWith(ConsoleAccess.Path, StringComparison.Ordinal) ? back : "/console/fleet");
    }
}
