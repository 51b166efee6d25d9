using Steward.Policy.Sites;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// A finished simulation: one result per step, the final sites and the final state of every client.
/// </summary>
public sealed class SimulationRun
{
    private FleetSummary? _summary;

    internal SimulationRun(Scenario scenario, IReadOnlyList<StepResult> results, SiteTable sites, Fleet fleet)
    {
        Scenario = scenario;
        Results = results;
        Sites = sites;
        Fleet = fleet;
    }

    /// <summary>The scenario that was run.</summary>
    public Scenario Scenario { get; }

    /// <summary>One result per step, in step order.</summary>
    public IReadOnlyList<StepResult> Results { get; }

    /// <summary>The sites after the last step, in code order; the fleet's site sets index this table.</summary>
    public SiteTable Sites { get; }

    /// <summary>Every client's final state.</summary>
    public Fleet Fleet { get; }

    /// <summary>
    /// The final versions per site and of the clients with no site, computed on first use (one pass over
    /// the fleet).
    /// </summary>
    public FleetSummary Summary => _summary ??= FleetSummary.Of(Fleet, Sites);
}
