namespace Steward.Server.Storage.Rows;

/// <summary>What a maintenance cycle reads, in one round trip: the client, whether the access point's site exists, and the client's sites.</summary>
internal sealed record CycleFacts(ClientRow? Client, bool SiteExists, IReadOnlyList<SiteRow> Sites);
