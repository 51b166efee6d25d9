namespace Steward.Server.Storage.Rows;

/// <summary>The number of clients of one site at one installed version (site empty: all clients; site '-': the count of clients with no site; version null: no agent).</summary>
internal sealed class FleetRow
{
    public string Site { get; init; } = "";

    public string? Installed { get; init; }

    public long Clients { get; init; }
}
