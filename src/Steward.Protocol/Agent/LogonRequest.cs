namespace Steward.Protocol.Agent;

/// <summary>What a computer presents at a logon point (logon bootstrap or manual install).</summary>
/// <param name="EnrollmentSecret">The logon point's enrollment secret.</param>
/// <param name="Trigger"><c>logon</c> (a logon script) or <c>install</c> (a person).</param>
/// <param name="ComputerName">The computer's name.</param>
/// <param name="Addresses">Its network addresses.</param>
/// <param name="ClientId">When it has an agent: its client id.</param>
/// <param name="ClientSecret">When it has an agent: its client secret.</param>
/// <param name="Installed">When it has an agent: the installed version.</param>
/// <param name="Nonce">A new random value for this request (16 to 64 bytes, base64url): any offer in the answer is signed with it.</param>
/// <param name="PinnedKey">When it pins a server key: that key's fingerprint.</param>
public sealed record LogonRequest(
    string? EnrollmentSecret, string? Trigger, string? ComputerName, IReadOnlyList<string>? Addresses,
    string? ClientId, string? ClientSecret, string? Installed, string? Nonce = null, string? PinnedKey = null);
