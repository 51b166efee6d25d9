using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Steward.Server.WebConsole.Access;

namespace Steward.Server.Security.Access;

/// <summary>An authorization requirement met by an administrator token whose role is at least <see cref="Minimum"/>.</summary>
/// <remarks>It is its own handler: the platform's pass-through handler runs requirements that handle themselves.</remarks>
internal sealed class RoleRequirement(AdminRole minimum) : AuthorizationHandler<RoleRequirement>, IAuthorizationRequirement
{
    public AdminRole Minimum { get; } = minimum;

    /// <summary>The role of an authenticated token's principal (by bearer header or by the console's cookie), or null for any other principal.</summary>
    public static AdminRole? RoleOf(ClaimsPrincipal user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: AccessSchemes.AdminToken or ConsoleAccess.Scheme } ? AdminRoles.Parse(user.FindFirst(ClaimTypes.Role)?.Value) : null;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (RoleOf(context.User) is { } role && role >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
