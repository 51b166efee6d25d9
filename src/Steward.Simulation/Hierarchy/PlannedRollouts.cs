using Steward.Policy.Checks;
using Steward.Policy.Sites;
using Steward.Simulation.Model;

namespace Steward.Simulation.Hierarchy;

/// <summary>The rollout steps of a scenario as <see cref="RolloutCheck"/> sees them, each with the step it comes from.</summary>
public static class PlannedRollouts
{
    /// <summary>Every rollout step, with its site's clients counted and its pilot clients described, as the file declares them.</summary>
    public static IReadOnlyList<(PlannedRollout Rollout, RolloutStep Step)> Of(Scenario scenario, ScenarioHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var result = new List<(PlannedRollout, RolloutStep)>();
        foreach (var step in scenario.Steps.OfType<RolloutStep>())
        {
            var index = hierarchy.Sites.IndexOf(step.Site);
            var site = hierarchy.Sites[index];
            long clients = scenario.Clients.Count(c => c.Sites.Contains(step.Site)) + scenario.Generate.Where(g => g.Sites.Contains(step.Site)).Sum(g => (long)g.Count);
            var pilot = step.Pilot.Select(name => Pilot(scenario, site, name)).ToList();
            result.Add((new PlannedRollout(step.Id, index, step.Version, step.Window, scenario.Cycle, step.HaltFailures, clients, pilot), step));
        }

        return result;
    }

    private static PilotClient Pilot(Scenario scenario, Site site, string name)
    {
        if (scenario.Clients.FirstOrDefault(c => c.Name == name) is { } client)
        {
            return new PilotClient(name, client.Installed, client.Sites.Contains(site.Code) || site.Contains([.. client.Addresses]));
        }

        foreach (var block in scenario.Generate)
        {
            if (block.TryIndexOf(name, StringComparison.Ordinal, out var i))
            {
                var address = new Running.GeneratedAddresses(block).At(i);
                return new PilotClient(name, block.Installed, block.Sites.Contains(site.Code) || site.Contains(address));
            }
        }

        throw new ArgumentException($"Pilot client {name} is not in the scenario.", nameof(name));
    }
}
