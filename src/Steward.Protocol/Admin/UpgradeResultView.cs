namespace Steward.Protocol.Admin;

/// <summary>What a client reported of carrying out a decision that delivered a package.</summary>
/// <param name="Version">The version it tried to install.</param>
/// <param name="Succeeded">True when the new version runs.</param>
/// <param name="Message">In words: what happened.</param>
/// <param name="At">When the client reported it.</param>
public sealed record UpgradeResultView(string Version, bool Succeeded, string Message, DateTimeOffset At);
