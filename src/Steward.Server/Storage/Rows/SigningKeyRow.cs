namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>signing_keys</c>: a package-signing key pair (decision 0015).</summary>
internal sealed class SigningKeyRow
{
    public string Id { get; init; } = "";

    /// <summary>1 for the first key, one more for each rotation.</summary>
    public long Number { get; init; } = 1;

    /// <summary><see cref="SigningKeyStates"/>.</summary>
    public string State { get; init; } = SigningKeyStates.Active;

    public long? RetiredAt { get; init; }

    /// <summary>PKCS#8, base64; empty once retired.</summary>
    public string PrivateKey { get; init; } = "";

    /// <summary>SubjectPublicKeyInfo, base64.</summary>
    public string PublicKey { get; init; } = "";

    public long CreatedAt { get; init; }
}

/// <summary>The states of a signing key.</summary>
internal static class SigningKeyStates
{
    /// <summary>Signs new enrollments and packages; the newest key.</summary>
    public const string Active = "active";

    /// <summary>Older, still pinned by clients: signs their offers and endorses the active key to them.</summary>
    public const string Endorsed = "endorsed";

    /// <summary>Pinned by no client; its private key is erased.</summary>
    public const string Retired = "retired";
}
