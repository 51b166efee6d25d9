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
}
