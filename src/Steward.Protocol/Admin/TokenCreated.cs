namespace Steward.Protocol.Admin;

/// <summary>A token just made, with its secret: the only time the server shows it (it keeps only its hash).</summary>
/// <param name="Token">The token as the server holds it.</param>
/// <param name="Secret">The token to send as <c>Authorization: Bearer &lt;secret&gt;</c>.</param>
public sealed record TokenCreated(TokenView Token, string Secret);
