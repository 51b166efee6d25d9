using Microsoft.AspNetCore.Authorization;

namespace Steward.Server.Security.Access;

/// <summary>
/// Checks at start that every endpoint either names an authorization policy or allows anonymous requests,
/// so that an endpoint added without a rule stops the server instead of answering everyone.
/// </summary>
internal static class EveryEndpointRuled
{
    public static void Check(IEnumerable<EndpointDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var unruled = sources.SelectMany(s => s.Endpoints)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.DisplayName)
            .ToList();
        if (unruled.Count > 0)
        {
            throw new InvalidOperationException($"endpoints without an authorization rule (RequiresRole, a policy or AllowAnonymous): {string.Join(", ", unruled)}");
        }
    }
}
