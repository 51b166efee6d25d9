using Steward.Policy.Versions;

namespace Steward.Policy.Rollouts;

/// <summary>Where one client stands under a downgrade order, for a rollback's progress.</summary>
public enum DowngradeStanding : byte
{
    /// <summary>It runs the order's T and has not been offered the way down yet: it goes down at its next maintenance cycle.</summary>
    StillOnT,

    /// <summary>It was offered the way down and has not reported yet.</summary>
    AttemptOpen,

    /// <summary>Its last downgrade under the order succeeded.</summary>
    Downgraded,

    /// <summary>Its last downgrade under the order failed (or was never reported in time): it still runs T and is offered it again at its next cycle.</summary>
    Failed,

    /// <summary>It never ran T under the order: nothing for the order to do.</summary>
    Untouched,
}

/// <summary>Sorts clients into the states of a rollback's progress; each client is in exactly one.</summary>
public static class DowngradeStandings
{
    /// <summary>Where a client stands under <paramref name="order"/>.</summary>
    /// <param name="order">The order.</param>
    /// <param name="installed">The client's agent version, or null without an agent.</param>
    /// <param name="last">Its last downgrade attempt under the order.</param>
    public static DowngradeStanding Of(DowngradeOrder order, AgentVersion? installed, LastAttempt last)
    {
        ArgumentNullException.ThrowIfNull(order);
        return last switch
        {
            LastAttempt.Succeeded => DowngradeStanding.Downgraded,
            LastAttempt.Open => DowngradeStanding.AttemptOpen,
            LastAttempt.Failed => DowngradeStanding.Failed,
            _ => installed == order.From ? DowngradeStanding.StillOnT : DowngradeStanding.Untouched,
        };
    }
}
