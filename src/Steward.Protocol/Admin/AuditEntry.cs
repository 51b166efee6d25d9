namespace Steward.Protocol.Admin;

/// <summary>One administrative change: who, when, what.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who (the name of the administrator token).</param>
/// <param name="Action">What, as a verb (<c>site.create</c>, <c>site.version</c>, ...).</param>
/// <param name="Target">What it acted on (a site code, a logon point name, a package version).</param>
/// <param name="Details">The change in words or as the request's JSON.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target, string Details);
