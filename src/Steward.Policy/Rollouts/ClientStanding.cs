using Steward.Policy.Versions;

namespace Steward.Policy.Rollouts;

/// <summary>Where one client of a rollout's site stands in it, for the rollout's progress.</summary>
public enum ClientStanding : byte
{
    /// <summary>It runs T (or newer): nothing left to do.</summary>
    AtTarget,

    /// <summary>It was offered T and has not reported yet.</summary>
    AttemptOpen,

    /// <summary>Its last upgrade to T failed (or was never reported in time).</summary>
    Failed,

    /// <summary>Its gate is closed: it waits for the pilot, for its turn in the window, or for a resume.</summary>
    Scheduled,

    /// <summary>Its gate is open but it has not cycled since: it upgrades at its next maintenance cycle.</summary>
    NotYetSeen,
}

/// <summary>The last upgrade attempt to T a client made in a rollout, as far as progress needs it.</summary>
public enum LastAttempt : byte
{
    /// <summary>It has made none.</summary>
    None,

    /// <summary>Offered, not reported yet.</summary>
    Open,

    /// <summary>Reported succeeded.</summary>
    Succeeded,

    /// <summary>Reported failed, or not reported in time.</summary>
    Failed,
}

/// <summary>Sorts a site's clients into the states of a rollout's progress; each client is in exactly one.</summary>
public static class ClientStandings
{
    /// <summary>Where a client stands at <paramref name="now"/>.</summary>
    /// <param name="rollout">The rollout.</param>
    /// <param name="seat">The client's seat in it.</param>
    /// <param name="installed">The client's agent version, or null without an agent.</param>
    /// <param name="last">Its last attempt in this rollout.</param>
    /// <param name="now">The time, in the rollout's seconds.</param>
    public static ClientStanding Of(Rollout rollout, in RolloutSeat seat, AgentVersion? installed, LastAttempt last, long now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (installed is { } version && version >= rollout.To)
        {
            return ClientStanding.AtTarget;
        }

        return last switch
        {
            LastAttempt.Open => ClientStanding.AttemptOpen,
            LastAttempt.Failed => ClientStanding.Failed,
            _ => rollout.IsOpen(seat, now) ? ClientStanding.NotYetSeen : ClientStanding.Scheduled,
        };
    }
}
