namespace Steward.Simulation.Model;

/// <summary>
/// A validated what-if scenario (SPEC section 5): every name it uses resolves, every version and
/// boundary parsed. Only the scenario loader makes one, after checking all of the file.
/// </summary>
public sealed record Scenario(
    IReadOnlyList<ScenarioSite> Sites,
    IReadOnlyList<ScenarioLogonPoint> LogonPoints,
    IReadOnlyList<ScenarioClient> Clients,
    IReadOnlyList<GenerateBlock> Generate,
    IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>Named plus generated clients.</summary>
    public long TotalClients => Clients.Count + Generate.Sum(g => (long)g.Count);
}
