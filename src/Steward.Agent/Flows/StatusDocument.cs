using Steward.Agent.State;

namespace Steward.Agent.Flows;

/// <summary>What <c>steward-agent status --json</c> prints.</summary>
/// <param name="StateDirectory">The state directory read.</param>
/// <param name="Installed">The version the pointer names (what runs), or null.</param>
/// <param name="Versions">The complete versions kept on disk.</param>
/// <param name="Enrolled">True when the agent has a client id.</param>
/// <param name="ClientId">Its client id.</param>
/// <param name="ComputerName">The name it enrolled with.</param>
/// <param name="Sites">Its assigned sites.</param>
/// <param name="LastCycle">When its last maintenance cycle finished.</param>
/// <param name="LastResult">Its last result.</param>
/// <param name="UnreportedUpgrade">True when an upgrade result waits to be sent with the next cycle.</param>
/// <param name="Problem">What is wrong with the state file, or null.</param>
/// <param name="History">Its last results, newest last.</param>
/// <param name="PendingTravel">A change of travel mode not yet sent to the server (true: on, false: off), or null.</param>
internal sealed record StatusDocument(
    string StateDirectory, string? Installed, IReadOnlyList<string> Versions, bool Enrolled, string? ClientId, string? ComputerName,
    IReadOnlyList<string> Sites, DateTimeOffset? LastCycle, AgentResult? LastResult, bool UnreportedUpgrade, string? Problem, IReadOnlyList<AgentResult> History,
    bool? PendingTravel);
