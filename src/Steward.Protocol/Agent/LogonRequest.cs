namespace Steward.Protocol.Agent;

/// <summary>What a computer presents at a logon point (logon bootstrap or manual install).</summary>
/// <param name="EnrollmentSecret">The logon point's enrollment secret.</param>
/// <param name="Trigger"><c>logon</c> (a logon script) or <c>install</c> (a person).</param>
/// <param name="ComputerName">The computer's name.</param>
/// <param name="Addresses">Its network addresses.</param>
/// <param name="ClientId">When it has an agent: its client id.</param>
/// <param name="ClientSecret">When it has an agent: its client secret.</param>
/// <param name="Installed">When it has an agent: the installed version.</param>
public sealed record LogonRequest(
    string? EnrollmentSecret, string? Trigger, string? ComputerName, IReadOnlyList<string>? Addresses,
    string? ClientId, string? ClientSecret, string? Installed);
