namespace Steward.Protocol.Agent;

/// <summary>An enrolled client's own record, as it may read it.</summary>
/// <param name="ClientId">Its id.</param>
/// <param name="Name">Its computer name.</param>
/// <param name="Installed">The version the server believes it runs.</param>
/// <param name="Sites">Its assigned sites.</param>
/// <param name="LastOutcome">Its last decision's outcome.</param>
public sealed record SelfView(string ClientId, string Name, string? Installed, IReadOnlyList<string> Sites, string? LastOutcome);
