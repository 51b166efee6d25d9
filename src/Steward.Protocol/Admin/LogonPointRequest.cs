namespace Steward.Protocol.Admin;

/// <summary>Creates or replaces a logon point.</summary>
/// <param name="Name">Letters, digits, '-', '_' and '.'; at most 64 characters; in the path for a replacement.</param>
/// <param name="Sites">The participating sites (at least one).</param>
/// <param name="Senior">A participating site to carry the package of; null: the newest site (ties: lowest code).</param>
/// <param name="EnrollmentSecret">The secret logon scripts present; null: the server makes one and returns it once.</param>
public sealed record LogonPointRequest(string? Name, IReadOnlyList<string>? Sites, string? Senior, string? EnrollmentSecret);
