namespace Steward.Protocol.Admin;

/// <summary>One recorded decision about a client (docs/RULES.md R4, I5).</summary>
/// <param name="At">When it was first decided.</param>
/// <param name="Trigger"><c>logon</c>, <c>install</c> or <c>maintenance</c>.</param>
/// <param name="Via">The logon point or the site whose access point was asked.</param>
/// <param name="Outcome">The outcome word (docs/RULES.md section 5).</param>
/// <param name="Kind">For an upgrade, <c>hotfix</c> or <c>significant</c>; otherwise null.</param>
/// <param name="VersionBefore">The installed version before, or null.</param>
/// <param name="VersionAfter">The installed version after, or null.</param>
/// <param name="SitesBefore">The assigned sites before.</param>
/// <param name="SitesAfter">The assigned sites after.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Repeats">How many more times the same decision was made in a row since (written with heartbeats).</param>
/// <param name="LastAt">When it was last made.</param>
public sealed record DecisionView(
    DateTimeOffset At, string Trigger, string Via, string Outcome, string? Kind, string? VersionBefore, string? VersionAfter,
    IReadOnlyList<string> SitesBefore, IReadOnlyList<string> SitesAfter, string Reason, long Repeats, DateTimeOffset LastAt);
