using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Steward.Server.WebConsole.Access;

namespace Steward.Server.WebConsole.Pages;

/// <summary><c>/console/sign-out</c>: deletes the console's cookie (the token itself stays valid for the API).</summary>
public sealed class SignOutModel : ConsolePage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleAccess.Scheme).ConfigureAwait(false);
        return LocalRedirect("/console/sign-in");
    }
}
