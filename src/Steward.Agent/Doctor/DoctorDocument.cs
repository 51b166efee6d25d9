namespace Steward.Agent.Doctor;

/// <summary>What <c>steward-agent doctor --json</c> prints.</summary>
/// <param name="Healthy">True when every check passed (after the repairs, with <c>--repair</c>).</param>
/// <param name="Findings">Each check, after the repairs.</param>
/// <param name="Repairs">What <c>--repair</c> did, in words; empty without it or when there was nothing to do.</param>
/// <param name="At">When the check ran.</param>
internal sealed record DoctorDocument(bool Healthy, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Repairs, DateTimeOffset At);
