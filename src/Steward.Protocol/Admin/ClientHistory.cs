namespace Steward.Protocol.Admin;

/// <summary>A client and every decision about it, oldest first.</summary>
/// <param name="Client">The client.</param>
/// <param name="Decisions">The decisions.</param>
public sealed record ClientHistory(ClientView Client, IReadOnlyList<DecisionView> Decisions);
