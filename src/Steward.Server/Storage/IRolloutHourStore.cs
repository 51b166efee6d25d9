using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage;

/// <summary>A rollout's actual curve: its site's clients per installed version, one count per hour (migration 0011).</summary>
internal interface IRolloutHourStore
{
    /// <summary>
    /// Counts the clients of <paramref name="site"/> per installed version into hour <paramref name="hour"/> of the
    /// rollout, unless that hour is counted already (by this server or another). True when it wrote the count.
    /// </summary>
    Task<bool> CountRolloutHourAsync(string rollout, string site, long hour, CancellationToken cancellationToken);

    /// <summary>Every count of a rollout, by hour and then version.</summary>
    Task<IReadOnlyList<RolloutHourRow>> ListRolloutHoursAsync(string rollout, CancellationToken cancellationToken);
}
