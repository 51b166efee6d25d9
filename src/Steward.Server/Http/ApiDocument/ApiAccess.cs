namespace Steward.Server.Http.ApiDocument;

/// <summary>
/// Endpoint metadata: the credentials an operation takes, as the OpenAPI document states them. Any one of
/// <see cref="Schemes"/> is enough; none means the request carries no HTTP credentials (a logon point's
/// enrollment secret travels in the body).
/// </summary>
internal sealed class ApiAccess
{
    public const string AdminTokenScheme = "adminToken";
    public const string ClientSecretScheme = "clientSecret";

    private ApiAccess(params string[] schemes) => Schemes = schemes;

    /// <summary>The administrator's bearer token.</summary>
    public static ApiAccess AdminToken { get; } = new(AdminTokenScheme);

    /// <summary>An enrolled client's id and secret (Basic).</summary>
    public static ApiAccess Client { get; } = new(ClientSecretScheme);

    /// <summary>Either an enrolled client's credentials or the administrator's token.</summary>
    public static ApiAccess ClientOrAdmin { get; } = new(ClientSecretScheme, AdminTokenScheme);

    /// <summary>No HTTP credentials.</summary>
    public static ApiAccess NoCredentials { get; } = new();

    public IReadOnlyList<string> Schemes { get; }
}
