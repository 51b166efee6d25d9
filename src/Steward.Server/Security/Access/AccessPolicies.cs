using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Steward.Server.Security.Access;

/// <summary>
/// The authorization policies every endpoint names: one per administrator role, one for enrolled clients,
/// one for content (a client or any administrator). Endpoints that take no HTTP credentials say
/// <c>AllowAnonymous</c>; the server refuses to start with an endpoint that says neither (<see cref="EveryEndpointRuled"/>).
/// </summary>
internal static class AccessPolicies
{
    public const string Client = "client";

    public const string ClientOrViewer = "client-or-viewer";

    public static string For(AdminRole role) => role.Word();

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<TokenUse>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminTokenHandler>(AccessSchemes.AdminToken, null)
            .AddScheme<AuthenticationSchemeOptions, ClientSecretHandler>(AccessSchemes.ClientSecret, null);
        var builder = services.AddAuthorizationBuilder();
        foreach (var role in Enum.GetValues<AdminRole>())
        {
            builder.AddPolicy(For(role), p => p.AddAuthenticationSchemes(AccessSchemes.AdminToken).AddRequirements(new RoleRequirement(role)));
        }

        builder.AddPolicy(Client, p => p.AddAuthenticationSchemes(AccessSchemes.ClientSecret).RequireAuthenticatedUser());
        builder.AddPolicy(ClientOrViewer, p => p.AddAuthenticationSchemes(AccessSchemes.ClientSecret, AccessSchemes.AdminToken).RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemRefusals>();
    }

    /// <summary>Requires an administrator token of at least this role.</summary>
    public static TBuilder RequiresRole<TBuilder>(this TBuilder builder, AdminRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(role));
}
