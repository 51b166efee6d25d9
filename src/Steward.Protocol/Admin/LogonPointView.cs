namespace Steward.Protocol.Admin;

/// <summary>A logon point as the server holds it.</summary>
/// <param name="Name">The name.</param>
/// <param name="Sites">The participating sites, sorted.</param>
/// <param name="Senior">The senior site an administrator named, or null.</param>
/// <param name="EffectiveSenior">The senior site now: the named one, or the newest participating site.</param>
/// <param name="PackageVersion">The version of the package the logon point hands out now (the effective senior site's).</param>
/// <param name="EnrollmentSecret">Only in the answer that created it or changed it: the secret to put in logon scripts. The server keeps only its hash.</param>
/// <param name="RolloutPackageVersion">
/// While an active rollout of a participating site changes it: the version handed out to a computer the rollout serves its
/// new version (<see cref="PackageVersion"/> goes to the others). Which one a computer gets depends on the computer. Null otherwise.
/// </param>
/// <param name="Rollouts">The active rollouts of its participating sites, as <c>sp of B01 (spreading)</c>; null when none.</param>
public sealed record LogonPointView(
    string Name, IReadOnlyList<string> Sites, string? Senior, string? EffectiveSenior, string? PackageVersion, string? EnrollmentSecret,
    string? RolloutPackageVersion = null, IReadOnlyList<string>? Rollouts = null);
