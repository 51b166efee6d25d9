using Steward.Server.Http.ApiDocument;

namespace Steward.Server.Security.Access;

/// <summary>The two authentication schemes, named as the OpenAPI document names their security schemes.</summary>
internal static class AccessSchemes
{
    /// <summary><c>Authorization: Bearer &lt;token&gt;</c>: a named administrator token (<see cref="AdminTokenHandler"/>).</summary>
    public const string AdminToken = ApiAccess.AdminTokenScheme;

    /// <summary><c>Authorization: Basic base64(id:secret)</c>: an enrolled client (<see cref="ClientSecretHandler"/>).</summary>
    public const string ClientSecret = ApiAccess.ClientSecretScheme;
}
