namespace Steward.Protocol.Admin;

/// <summary>A package-signing key of the server.</summary>
/// <param name="Number">1 for the first key, one more for each rotation.</param>
/// <param name="Fingerprint">SHA-256 of its SubjectPublicKeyInfo, lower-case hex: the id agents send as <c>pinnedKey</c>.</param>
/// <param name="State"><c>active</c> (signs new enrollments and packages), <c>endorsed</c> (older, still pinned by clients, endorses the active key to them) or <c>retired</c>.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RetiredAt">When it was retired, or null.</param>
/// <param name="Clients">How many clients pin it.</param>
/// <param name="PublicKey">The public key (SubjectPublicKeyInfo, base64): what <c>steward-agent logon --server-key</c> takes.</param>
public sealed record KeyView(long Number, string Fingerprint, string State, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, long Clients, string PublicKey);
