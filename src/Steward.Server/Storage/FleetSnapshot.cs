using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage;

/// <summary>
/// The hierarchy and every client as of one moment, read in one read transaction (decision 0021): a
/// client never names a site the snapshot lacks, however long the clients take to stream.
/// </summary>
internal interface IFleetSnapshot : IAsyncDisposable
{
    /// <summary>Every site, by code.</summary>
    IReadOnlyList<SiteRow> Sites { get; }

    /// <summary>Every logon point with its participating sites, by name.</summary>
    IReadOnlyList<LogonPointRow> LogonPoints { get; }

    /// <summary>
    /// Every client, one row at a time (never all in memory), ordered by name without regard to case
    /// (so that clients sharing a name come together), then by id. Only the columns a scenario needs:
    /// id, name, installed, sites, addresses, travel.
    /// </summary>
    IAsyncEnumerable<ClientRow> ClientsByName(CancellationToken cancellationToken);
}
