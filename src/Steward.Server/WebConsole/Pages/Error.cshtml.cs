using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Steward.Server.Security.Access;
using Steward.Server.WebConsole.Access;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/error/{status}</c>: the console's errors as pages (the API's are problem documents). The status
/// pages middleware re-runs the request here with the status it had; a direct visit answers with that status too.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : ConsolePage
{
    internal string Title { get; private set; } = "";

    internal string Detail { get; private set; } = "";

    public Task OnGetAsync(int status) => ShowAsync(status);

    // A refused form re-runs here as a POST: it must be answered, not refused again.
    public Task OnPostAsync(int status) => ShowAsync(status);

    private async Task ShowAsync(int status)
    {
        // The error page takes no sign-in, so the cookie is read here only to show the menu to those who have one.
        if ((await HttpContext.AuthenticateAsync(ConsoleAccess.Scheme).ConfigureAwait(false)).Principal is { } user)
        {
            HttpContext.User = user;
        }

        (Title, Detail) = status switch
        {
            400 => ("The request was refused", "The form was not sent by this console (its anti-forgery token was missing or stale), or it was malformed. Load the page again and repeat."),
            403 => ("Not allowed", Role is { } role
                ? $"The token '{TokenName}' has the role {role.Word()}, and this needs a higher one. Sign in with a token of a higher role to do it."
                : "This needs a sign-in with a token whose role allows it."),
            404 => ("Not found", "There is nothing at this address in the console."),
            405 => ("Not allowed here", "This address does not take that kind of request."),
            _ => ("Something went wrong", "The server could not answer this request; the server's log says why."),
        };
        Response.StatusCode = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
    }
}
