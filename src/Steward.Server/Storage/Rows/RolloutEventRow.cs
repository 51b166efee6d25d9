namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>rollout_events</c>: a halt or a completion for the webhook, until delivered.</summary>
internal sealed record RolloutEventRow
{
    public long Id { get; init; }

    public string Rollout { get; init; } = "";

    /// <summary><c>halted</c> or <c>completed</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The JSON body posted, exactly as signed.</summary>
    public string Body { get; init; } = "";

    public long CreatedAt { get; init; }

    public long Tries { get; init; }

    /// <summary>When the next try is due (Unix ms); a server that claims the event moves it forward first.</summary>
    public long NextAt { get; init; }

    public long? DeliveredAt { get; init; }

    public string? LastError { get; init; }
}
