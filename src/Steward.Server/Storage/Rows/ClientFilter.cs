namespace Steward.Server.Storage.Rows;

/// <summary>
/// Which clients to list; null fields do not filter. Ordered by id, <see cref="After"/> for keyset paging.
/// <see cref="NameStarts"/> matches the start of the computer name, ignoring case. <see cref="Health"/> is one of
/// <see cref="Steward.Protocol.Admin.HealthWords.Filters"/>.
/// </summary>
internal sealed record ClientFilter(string? Site, string? Version, string? Outcome, long? SeenAfter, long? SeenBefore, string? After, int Limit, string? NameStarts = null, string? Health = null);
