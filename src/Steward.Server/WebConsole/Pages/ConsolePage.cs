using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Server.Hosting;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

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

    internal T Service<T>()
        where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
