namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>sites</c>.</summary>
internal sealed class SiteRow
{
    public string Code { get; init; } = "";

    public string? Name { get; init; }

    public string Version { get; init; } = "";

    /// <summary>Canonical boundaries, one per line.</summary>
    public string Boundaries { get; init; } = "";

    public long Revision { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }
}
