namespace Steward.Protocol.Admin;

/// <summary>An administrator token as the server holds it; the token itself is never shown again after it is made.</summary>
/// <param name="Name">Its name, the actor in the audit log.</param>
/// <param name="Role"><c>viewer</c>, <c>operator</c> or <c>admin</c>.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="ExpiresAt">When it stops working, or null.</param>
/// <param name="LastUsedAt">When it last opened a request (recorded at most once a minute), or null.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="Active">True while it opens the API: not revoked and not expired.</param>
public sealed record TokenView(string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Active);
