namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>decisions</c>: one decision with its reason (docs/RULES.md R4, I5).</summary>
internal sealed class DecisionRow
{
    public long Id { get; init; }

    /// <summary>The client's id; null for a computer that got nothing and was not enrolled.</summary>
    public string? Client { get; init; }

    public string Computer { get; init; } = "";

    public long At { get; init; }

    public long LastAt { get; init; }

    public long Repeats { get; init; }

    /// <summary><c>logon</c>, <c>install</c> or <c>maintenance</c>.</summary>
    public string Cause { get; init; } = "";

    public string Via { get; init; } = "";

    public string Outcome { get; init; } = "";

    public string? Kind { get; init; }

    public string? VersionBefore { get; init; }

    public string? VersionAfter { get; init; }

    public ValueList SitesBefore { get; init; } = ValueList.Empty;

    public ValueList SitesAfter { get; init; } = ValueList.Empty;

    public string Reason { get; init; } = "";
}
