namespace Steward.Simulation.Model;

/// <summary>
/// A validated what-if scenario (docs/RULES.md sections 4 and 6; <see cref="Cycle"/> places the cycles of <c>run</c>): every name it uses resolves, every version and
/// boundary parsed. Only the scenario loader makes one, after checking all of the file.
/// </summary>
public sealed record Scenario(
    IReadOnlyList<ScenarioSite> Sites,
    IReadOnlyList<ScenarioLogonPoint> LogonPoints,
    IReadOnlyList<ScenarioClient> Clients,
    IReadOnlyList<GenerateBlock> Generate,
    IReadOnlyList<ScenarioStep> Steps,
    long Cycle = Scenario.DefaultCycle)
{
    /// <summary>The default maintenance cycle, 23 hours, in seconds.</summary>
    public const long DefaultCycle = 23 * 3_600;

    /// <summary>Named plus generated clients.</summary>
    public long TotalClients => Clients.Count + Generate.Sum(g => (long)g.Count);
}
