namespace Steward.Simulation.Running;

/// <summary>Which of the policy's decisions a step asks for.</summary>
internal enum DecisionKind : byte
{
    /// <summary>Logon bootstrap (R1, R2).</summary>
    Logon,

    /// <summary>Manual install (R1, R2).</summary>
    ManualInstall,

    /// <summary>Maintenance cycle (R3).</summary>
    Maintenance,
}
