using Steward.Policy.Rollouts;

namespace Steward.Simulation.Running.Rollouts;

/// <summary>
/// One rollout step of a session and what the policy made of it: the rollout (null when its start was
/// refused), its site, its pilot clients, and each client's offset in the window.
/// </summary>
internal sealed class RolloutRecord(string id, int site, int[] pilot, long[]? offsets)
{
    private readonly HashSet<int> _pilotSet = [.. pilot];

    /// <summary>The id the step gave.</summary>
    public string Id { get; } = id;

    /// <summary>The site's index in the session's table.</summary>
    public int Site { get; } = site;

    /// <summary>The rollout as it stands; null when its start was refused.</summary>
    public Rollout? Rollout { get; set; }

    /// <summary>The pilot clients, each once.</summary>
    public IReadOnlyList<int> Pilot { get; } = pilot;

    /// <summary>True for a pilot client.</summary>
    public bool IsPilot(int client) => _pilotSet.Count != 0 && _pilotSet.Contains(client);

    /// <summary>A client's seat: pilot or not, and its offset in the window (0 for a window of 0).</summary>
    public RolloutSeat SeatOf(int client) => new(IsPilot(client), offsets is null ? 0 : offsets[client]);

    /// <summary>The offsets in a run's cycle order, while a run lasts.</summary>
    public long[]? InCycleOrder { get; private set; }

    /// <summary>The seat of the client at a position of the run's cycle order.</summary>
    public RolloutSeat SeatInOrder(int position, int client) => new(IsPilot(client), InCycleOrder is null ? 0 : InCycleOrder[position]);

    /// <summary>Copies the offsets into the schedule's order, or drops the copy.</summary>
    public void OrderOffsets(CycleSchedule? schedule)
    {
        if (schedule is null || offsets is null || Rollout is not { IsActive: true })
        {
            InCycleOrder = null;
            return;
        }

        InCycleOrder = new long[schedule.Count];
        for (var i = 0; i < InCycleOrder.Length; i++)
        {
            InCycleOrder[i] = offsets[schedule.ClientAt(i)];
        }
    }
}
