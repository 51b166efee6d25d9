namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>admin_tokens</c>: a named administrator token, its role and its life.</summary>
internal sealed class TokenRow
{
    /// <summary>SHA-256 of the token, lower-case hex; the token itself is never stored.</summary>
    public string Hash { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary><c>viewer</c>, <c>operator</c> or <c>admin</c>.</summary>
    public string Role { get; init; } = "";

    public long CreatedAt { get; init; }

    public long? ExpiresAt { get; init; }

    public long? RevokedAt { get; init; }

    public long? LastUsedAt { get; init; }

    /// <summary>True while the token opens the API at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool ActiveAt(long now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
