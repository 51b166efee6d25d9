using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Steward.Server.Security.Access;

namespace Steward.Server.WebConsole.Access;

/// <summary>
/// Who may use the console: a cookie scheme of its own whose cookie names the administrator token it was opened
/// with (its hash, the token store's key), and one policy per role. The cookie is valid only under
/// <c>/console</c>, HttpOnly, SameSite=Strict and Secure over HTTPS; every request checks the token again
/// (<see cref="ConsoleTokenCheck"/>), so a revoked or expired token signs out at once and a changed role
/// counts at once. The API's schemes and policies are not touched: the console's cookie opens no API
/// endpoint, and a bearer token opens no console page.
/// </summary>
internal static class ConsoleAccess
{
    public const string Scheme = "console";

    public const string Path = "/console";

    /// <summary>The claim holding the token's hash.</summary>
    public const string TokenClaim = "steward:token";

    public const string CookieName = "steward-console";

    /// <summary>How long a sign-in lasts without a request (sliding); the token's own expiry ends it sooner.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromHours(8);

    public static string Policy(AdminRole role) => $"console-{role.Word()}";

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ConsoleTokenCheck>();
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.Path = Path;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = Idle;
            o.SlidingExpiration = true;
            o.LoginPath = $"{Path}/sign-in";
            o.LogoutPath = $"{Path}/sign-out";
            o.AccessDeniedPath = $"{Path}/error/403";
            o.ReturnUrlParameter = "returnUrl";
            o.EventsType = typeof(ConsoleTokenCheck);
        });
        var builder = services.AddAuthorizationBuilder();
        foreach (var role in Enum.GetValues<AdminRole>())
        {
            builder.AddPolicy(Policy(role), p => p.AddAuthenticationSchemes(Scheme).AddRequirements(new RoleRequirement(role)));
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "steward-console-form";
            o.Cookie.Path = Path;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__form";
        });
    }

    /// <summary>True when the policy is one of the console's: its refusals are pages (sign-in, 403), not problem documents.</summary>
    public static bool IsConsole(AuthorizationPolicy policy) => policy?.AuthenticationSchemes.Contains(Scheme) == true;

    /// <summary>The principal of a token: its name (the audit log's actor), its role and its hash.</summary>
    public static ClaimsPrincipal Principal(string name, string role, string hash) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(TokenClaim, hash)], Scheme));
}
