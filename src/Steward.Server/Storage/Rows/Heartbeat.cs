namespace Steward.Server.Storage.Rows;

/// <summary>A client was seen at <paramref name="At"/> and its last decision, <paramref name="Decision"/>, was made again.</summary>
internal readonly record struct Heartbeat(string Client, long? Decision, long At);
