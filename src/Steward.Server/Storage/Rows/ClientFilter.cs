namespace Steward.Server.Storage.Rows;

/// <summary>
/// Which clients to list; null fields do not filter. Ordered by id, <see cref="After"/> for keyset paging.
/// <see cref="NameStarts"/> matches the start of the computer name, ignoring case.
/// </summary>
internal sealed record ClientFilter(string? Site, string? Version, string? Outcome, long? SeenAfter, long? SeenBefore, string? After, int Limit, string? NameStarts = null);
