namespace Steward.Protocol.Admin;

/// <summary>
/// What a rollback left: clients of <paramref name="Site"/> that run <paramref name="From"/> go down to what their sites
/// serve (<paramref name="To"/>, the site's version again) at their next maintenance cycle, never at logon. It stands
/// until the site's next rollout or set-version.
/// </summary>
/// <param name="Id">The order's id, signed into every downgrade offer made under it.</param>
/// <param name="Site">The site.</param>
/// <param name="From">T of the rolled-back rollout.</param>
/// <param name="To">F of the rolled-back rollout.</param>
/// <param name="OrderedAt">When the rollout was rolled back.</param>
/// <param name="OrderedBy">The token that rolled it back.</param>
/// <param name="Reason">Why, as the administrator wrote it, or null.</param>
/// <param name="EndedAt">When the site's next rollout or set-version ended it; null while it stands.</param>
/// <param name="EndReason">What ended it, in words, or null.</param>
/// <param name="Progress">Where the clients stand under it.</param>
public sealed record DowngradeOrderView(
    string Id, string Site, string From, string To, DateTimeOffset OrderedAt, string OrderedBy, string? Reason, DateTimeOffset? EndedAt, string? EndReason,
    RollbackProgress Progress);

/// <summary>Where the clients stand under a downgrade order; each is counted in at most one.</summary>
/// <param name="StillOnT">Clients that still run T and have not been offered the way down yet: they go down at their next cycle.</param>
/// <param name="AttemptsOpen">Clients offered the way down that have not reported yet.</param>
/// <param name="Downgraded">Clients whose downgrade succeeded.</param>
/// <param name="Failed">Clients whose last downgrade failed (or was not reported in time); they are offered it again at their next cycle.</param>
public sealed record RollbackProgress(long StillOnT, long AttemptsOpen, long Downgraded, long Failed);
