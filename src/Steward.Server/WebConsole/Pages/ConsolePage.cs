using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Sites;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Pages;

/// <summary>What every console page has: the signed-in token's role and name, the store, the clock.</summary>
/// <remarks>Services are taken from the request: the page models are public (Razor Pages' rule) and the services internal.</remarks>
public abstract class ConsolePage : PageModel
{
    /// <summary>The role of the token signed in; a page that lets nobody in without a sign-in never sees null.</summary>
    internal AdminRole? Role => RoleRequirement.RoleOf(User);

    internal string? TokenName => User.Identity?.Name;

    internal bool May(AdminRole role) => Role is { } mine && mine >= role;

    internal IStewardStore Store => Service<IStewardStore>();

    internal ServerOptions Options => Service<ServerOptions>();

    internal DateTimeOffset Now => Service<TimeProvider>().GetUtcNow();

    /// <summary>Why the form this page answers was refused, in words; the page shows it.</summary>
    internal string? Refusal { get; private protected set; }

    internal T Service<T>()
        where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    /// <summary>The page again, with <paramref name="words"/> as its <see cref="Refusal"/> and <paramref name="status"/>.</summary>
    private protected PageResult Refuse(int status, string words)
    {
        Refusal = words;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The site a page's address names (checked as the API checks a code), or null when there is none.</summary>
    private protected async Task<SiteRow?> FindSiteAsync(string? code) =>
        SiteInput.Code(code, "code", new FieldErrors()) is { } parsed
            ? await Store.FindSiteAsync(parsed.ToString(), HttpContext.RequestAborted).ConfigureAwait(false)
            : null;
}
