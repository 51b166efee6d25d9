using Steward.Server.Http;
using Steward.Server.Storage;

namespace Steward.Server.Security;

/// <summary>
/// Guards the admin API: <c>Authorization: Bearer &lt;token&gt;</c> with a token the database knows. The
/// token's name becomes the actor of every audit row. Agent endpoints are in the same <c>/v1</c> space but
/// sit in a group without this filter and authenticate themselves.
/// </summary>
internal sealed class AdminTokenFilter(IStewardStore store) : IEndpointFilter
{
    private const string ActorKey = "steward.actor";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Unauthorized("this endpoint needs an administrator token: send 'Authorization: Bearer <token>' (the server wrote the first token to <data>/admin-token)");
        }

        var name = await NameAsync(store, header, http.RequestAborted).ConfigureAwait(false);
        if (name is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Problems.Unauthorized("the administrator token is not known to this server");
        }

        http.Items[ActorKey] = name;
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>The name of the administrator token in a <c>Bearer</c> header, or null when there is none or it is not known.</summary>
    public static async Task<string?> NameAsync(IStewardStore store, string authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? await store.FindAdminTokenAsync(Secrets.Hash(authorization["Bearer ".Length..].Trim()), cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>The name of the token that authorized this request.</summary>
    public static string Actor(HttpContext context) => context?.Items[ActorKey] as string ?? "unknown";
}
