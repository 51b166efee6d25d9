namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>audit</c>: who changed what, when.</summary>
internal sealed class AuditRow
{
    public long Id { get; init; }

    public long At { get; init; }

    public string Actor { get; init; } = "";

    public string Action { get; init; } = "";

    public string Target { get; init; } = "";

    public string Details { get; init; } = "";
}
