namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>rollout_hours</c>: how many of the site's clients ran a version in an hour of a rollout ('' for no agent).</summary>
internal sealed record RolloutHourRow
{
    public long Hour { get; init; }

    public string Version { get; init; } = "";

    public long Clients { get; init; }
}
