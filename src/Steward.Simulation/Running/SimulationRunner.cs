using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>Runs a what-if scenario through the policy code the server uses (docs/RULES.md section 6).</summary>
public static class SimulationRunner
{
    /// <summary>Runs every step of a validated scenario, in order, and returns what happened.</summary>
    /// <param name="scenario">A scenario the loader validated: every name resolves.</param>
    /// <param name="options">How to use the machine; the results do not depend on it.</param>
    /// <exception cref="ArgumentException">The scenario breaks a rule the loader enforces.</exception>
    public static SimulationRun Run(Scenario scenario, SimulationOptions? options = null) =>
        SimulationSession.Start(scenario, options).RunToEnd();
}
