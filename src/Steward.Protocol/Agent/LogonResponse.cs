namespace Steward.Protocol.Agent;

/// <summary>The logon point's decision (docs/RULES.md R1, R2).</summary>
/// <param name="Outcome">The outcome word.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="VersionAfter">The version the computer has after carrying the decision out, or null.</param>
/// <param name="Sites">The sites it is assigned to after it.</param>
/// <param name="Package">For <c>Installed</c> and <c>HotfixApplied</c>: the package to install.</param>
/// <param name="Enrollment">For a computer that was not enrolled and now is: its id and secret, sent only this once.</param>
/// <param name="ServerKey">The server's package-signing public key (SubjectPublicKeyInfo, base64) that signs this answer's offer: the one to pin at enrollment, or the one the request said it pins.</param>
/// <param name="AccessPoints">The access point address of each assigned site, by site code.</param>
/// <param name="NewKey">When the server signs with a newer key than the one the request said it pins: that key, endorsed by the pinned one.</param>
public sealed record LogonResponse(
    string Outcome, string Reason, string? VersionAfter, IReadOnlyList<string> Sites, PackageOffer? Package,
    Enrollment? Enrollment, string ServerKey, IReadOnlyDictionary<string, string> AccessPoints, EndorsedKey? NewKey = null);

/// <summary>A new client's credentials.</summary>
/// <param name="ClientId">The client's id.</param>
/// <param name="ClientSecret">The client's secret; the server keeps only its hash.</param>
public sealed record Enrollment(string ClientId, string ClientSecret);
