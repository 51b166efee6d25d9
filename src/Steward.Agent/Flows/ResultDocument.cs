namespace Steward.Agent.Flows;

/// <summary>What <c>logon</c>, <c>install</c> and <c>cycle</c> print with <c>--json</c>: the decision and what the agent did about it.</summary>
/// <param name="Action"><c>logon</c>, <c>install</c> or <c>cycle</c>.</param>
/// <param name="Outcome">The outcome word, or <c>Failed</c> when no decision was received.</param>
/// <param name="Kind">For <c>Upgraded</c>: <c>hotfix</c> or <c>significant</c>.</param>
/// <param name="Reason">The server's reason, or what went wrong.</param>
/// <param name="VersionBefore">The version installed before.</param>
/// <param name="VersionAfter">The version installed after.</param>
/// <param name="Sites">The assigned sites after.</param>
/// <param name="Update">What carrying out the package came to, when there was one.</param>
internal sealed record ResultDocument(
    string Action, string Outcome, string? Kind, string Reason, string? VersionBefore, string? VersionAfter, IReadOnlyList<string> Sites, UpdateDocument? Update);

/// <summary>The result of carrying out a package decision.</summary>
/// <param name="Version">The version offered.</param>
/// <param name="Succeeded">True when it runs now.</param>
/// <param name="Message">What happened, in words.</param>
internal sealed record UpdateDocument(string Version, bool Succeeded, string Message);
