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

/// <summary>A write's status, with why it was refused when a rule refused it.</summary>
internal readonly record struct StoreResult(StoreStatus Status, StoreRefusal? Refusal = null)
{
    public static StoreResult Ok => new(StoreStatus.Ok);

    public bool Succeeded => Status == StoreStatus.Ok;

    /// <summary>A write a rule refused: a lost update is a <see cref="StoreStatus.RevisionMismatch"/>, anything else a conflict.</summary>
    public static StoreResult Refused(StoreRefusal refusal) => new(refusal is RevisionChanged ? StoreStatus.RevisionMismatch : StoreStatus.Conflict, refusal);
}
