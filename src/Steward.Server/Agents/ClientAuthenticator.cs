using Steward.Server.Security;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents;

/// <summary>
/// An enrolled client's id and secret: in <c>Authorization: Basic base64(id:secret)</c> (read by the
/// client authentication scheme, <see cref="Security.Access.ClientSecretHandler"/>) or in a logon's body.
/// An unknown id and a wrong secret get the same answer, so that the answer does not tell which ids exist.
/// </summary>
internal static class ClientAuthenticator
{
    /// <summary>Longer ids are refused without a look-up.</summary>
    public const int MaxIdLength = 64;

    public const string Refusal = "unknown client or wrong client secret: send 'Authorization: Basic base64(clientId:clientSecret)' with the credentials the logon point gave at enrollment";

    /// <summary>The client these credentials belong to, or null.</summary>
    public static async Task<ClientRow?> AuthenticateAsync(IStewardStore store, string id, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (id.Length > MaxIdLength)
        {
            return null;
        }

        var client = await store.FindClientAsync(id, cancellationToken).ConfigureAwait(false);
        return client is not null && Secrets.Matches(secret, client.SecretHash) ? client : null;
    }
}
