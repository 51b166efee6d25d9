using Steward.Server.Storage.Rows;

namespace Steward.Server.Security.Access;

/// <summary>
/// The client a request's credentials named, as read to authenticate it, kept on the request's features so
/// that the endpoint decides from the very row the secret was checked against without reading it again.
/// </summary>
/// <param name="Client">The client's row.</param>
/// <param name="Facts">For a maintenance cycle: the client, its sites and the access point's site, read together.</param>
internal sealed record AuthenticatedClient(ClientRow Client, CycleFacts? Facts)
{
    /// <summary>
    /// True when a row of the client read again (a retry after a concurrent change) still has the secret
    /// that was verified: the stored hashes are the same, so the request's secret still matches.
    /// </summary>
    public bool SameSecret(ClientRow reread) =>
        reread is not null && string.Equals(reread.Id, Client.Id, StringComparison.Ordinal) && string.Equals(reread.SecretHash, Client.SecretHash, StringComparison.Ordinal);

    /// <summary>The client the request was authenticated as; the endpoints that call this require it.</summary>
    public static AuthenticatedClient Of(HttpContext context) =>
        context?.Features.Get<AuthenticatedClient>() ?? throw new InvalidOperationException("the endpoint was reached without an authenticated client: its authorization policy is missing");
}
