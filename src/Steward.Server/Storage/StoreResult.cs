namespace Steward.Server.Storage;

/// <summary>How a write went. Expected refusals are values; only faults throw.</summary>
internal enum StoreStatus
{
    Ok,
    NotFound,
    AlreadyExists,
    Conflict,
    RevisionMismatch,
}

/// <summary>A write's status, with a sentence for people when it was refused.</summary>
internal readonly record struct StoreResult(StoreStatus Status, string? Message = null)
{
    public static StoreResult Ok => new(StoreStatus.Ok);

    public bool Succeeded => Status == StoreStatus.Ok;
}
