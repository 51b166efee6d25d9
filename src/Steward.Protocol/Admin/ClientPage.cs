namespace Steward.Protocol.Admin;

/// <summary>One page of clients, in id order.</summary>
/// <param name="Clients">The clients of this page.</param>
/// <param name="Next">Pass as <c>after</c> to get the next page; null on the last page.</param>
public sealed record ClientPage(IReadOnlyList<ClientView> Clients, string? Next);
