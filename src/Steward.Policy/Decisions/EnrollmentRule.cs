namespace Steward.Policy.Decisions;

/// <summary>
/// Whether a logon point's decision enrolls the computer, giving it a client id and secret: a computer is
/// enrolled when it gets an agent, or already runs one that this logon point manages (inside one of its
/// participating sites). One that gets nothing and runs nothing, or runs an agent no participating site
/// contains, stays unenrolled: the server keeps no client of it (decision 0011).
/// </summary>
public static class EnrollmentRule
{
    /// <summary>The verdict for a computer that is <paramref name="enrolled"/> already or not, <paramref name="runsAgent"/> or not, given the decision's <paramref name="outcome"/>.</summary>
    public static EnrollmentVerdict For(bool enrolled, bool runsAgent, Outcome outcome) =>
        enrolled ? new(false, "already enrolled: it keeps its client id and secret")
        : outcome == Outcome.Installed ? new(true, "it gets an agent: enrolled with it")
        : runsAgent && outcome != Outcome.NotInBoundaries ? new(true, "it runs an agent inside a participating site of the logon point: enrolled, to be managed from now on")
        : runsAgent ? new(false, "it runs an agent, but no participating site of the logon point contains it: not enrolled")
        : new(false, "it gets no agent and runs none: not enrolled");
}

/// <summary>Whether to enroll the computer, and why in words.</summary>
/// <param name="Enroll">True: the answer gives it a new client id and secret.</param>
/// <param name="Reason">Why, for logs and tests.</param>
public readonly record struct EnrollmentVerdict(bool Enroll, string Reason);
