namespace Steward.Protocol.Agent;

/// <summary>The access point's decision (docs/RULES.md R3).</summary>
/// <param name="Outcome">The outcome word.</param>
/// <param name="Kind">For <c>Upgraded</c>: <c>hotfix</c> or <c>significant</c>.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="VersionAfter">The version the client has after carrying the decision out.</param>
/// <param name="Sites">The assigned sites after it.</param>
/// <param name="Package">For <c>Upgraded</c>: the package to install.</param>
/// <param name="AccessPoints">The access point address of each assigned site, by site code.</param>
/// <param name="NewKey">When the server signs with a newer key than the one the request said it pins: that key, endorsed by the pinned one.</param>
public sealed record CycleResponse(
    string Outcome, string? Kind, string Reason, string? VersionAfter, IReadOnlyList<string> Sites, PackageOffer? Package,
    IReadOnlyDictionary<string, string> AccessPoints, EndorsedKey? NewKey = null);
