using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Steward.Server.Agents;
using Steward.Server.WebConsole.Access;
using Steward.Server.Http;

namespace Steward.Server.Security.Access;

/// <summary>
/// Writes the refusals of authorization as problem documents: 401 with <c>WWW-Authenticate</c> and the words of
/// the handler that refused the credentials (or of the missing ones), 403 naming the role an operation needs.
/// </summary>
internal sealed class ProblemRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _platform = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (ConsoleAccess.IsConsole(policy))
        {
            // The console's refusals are its own: the sign-in page for a missing cookie, a 403 page for a role below.
            return _platform.HandleAsync(next, context, policy, authorizeResult);
        }

        if (authorizeResult.Challenged)
        {
            var refusal = context.Features.Get<AuthenticationRefusal>() ?? Missing(policy);
            context.Response.Headers.WWWAuthenticate = refusal.Challenge;
            return Problems.Unauthorized(refusal.Detail).ExecuteAsync(context);
        }

        if (authorizeResult.Forbidden)
        {
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RoleRequirement>().Select(r => r.Minimum).DefaultIfEmpty(AdminRole.Admin).Max() ?? AdminRole.Admin;
            var user = context.User;
            var role = RoleRequirement.RoleOf(user);
            return Problems.Forbidden(
                $"this operation needs a token with the role {needed.Word()} or above; the token '{user.Identity?.Name}' has the role {role?.Word() ?? "none"}").ExecuteAsync(context);
        }

        return _platform.HandleAsync(next, context, policy, authorizeResult);
    }

    // No credentials of the policy's schemes were sent: say what to send.
    private static AuthenticationRefusal Missing(AuthorizationPolicy policy)
    {
        var client = policy.AuthenticationSchemes.Contains(AccessSchemes.ClientSecret);
        var admin = policy.AuthenticationSchemes.Contains(AccessSchemes.AdminToken);
        return (client, admin) switch
        {
            (true, true) => new(ClientAuthenticator.Refusal, $"{ClientSecretHandler.Challenge}, {AdminTokenHandler.Challenge}"),
            (true, false) => new(ClientAuthenticator.Refusal, ClientSecretHandler.Challenge),
            _ => new(AdminTokenHandler.Missing, AdminTokenHandler.Challenge),
        };
    }
}
