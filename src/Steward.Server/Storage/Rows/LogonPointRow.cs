namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>logon_points</c> with its participating sites.</summary>
internal sealed class LogonPointRow
{
    public string Name { get; init; } = "";

    public string? Senior { get; init; }

    public string SecretHash { get; init; } = "";

    public long Revision { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }

    /// <summary>The participating site codes, sorted (from <c>logon_point_sites</c>).</summary>
    public IReadOnlyList<string> Sites { get; set; } = [];
}
