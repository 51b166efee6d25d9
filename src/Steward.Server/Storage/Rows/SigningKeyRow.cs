namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>signing_keys</c>: the package-signing key pair.</summary>
internal sealed class SigningKeyRow
{
    public string Id { get; init; } = "";

    /// <summary>PKCS#8, base64.</summary>
    public string PrivateKey { get; init; } = "";

    /// <summary>SubjectPublicKeyInfo, base64.</summary>
    public string PublicKey { get; init; } = "";

    public long CreatedAt { get; init; }
}
