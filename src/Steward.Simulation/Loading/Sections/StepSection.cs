using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Sections;

/// <summary>
/// Reads <c>steps</c>: each step is a mapping with exactly one action key (<c>logon: PC-NEW</c>) and
/// the parameters of that action (<c>at: DC1</c>). Steps are numbered from 1 in file order.
/// </summary>
internal static class StepSection
{
    private static readonly string[] Actions =
        ["logon", "install", "maintenance", "siteVersion", "move", "travel", "logonAll", "maintenanceAll", "rollout", "advance", "promote", "halt", "resume", "abort", "rollback", "run"];

    private static readonly string[] RolloutParameters = ["version", "id", "pilot", "window", "haltFailures", "haltRate"];

    private static readonly string[] Keys = [.. Actions, "at", "addresses", "enabled", .. RolloutParameters];

    /// <summary>The parameters each action takes, if any.</summary>
    private static readonly Dictionary<string, string[]> Parameters = new(StringComparer.Ordinal)
    {
        ["logon"] = ["at"],
        ["install"] = ["at"],
        ["siteVersion"] = ["version"],
        ["move"] = ["addresses"],
        ["travel"] = ["enabled"],
        ["rollout"] = RolloutParameters,
    };

    /// <summary>Reads the steps; every name a step uses must be declared in the directories.</summary>
    public static List<ScenarioStep> Read(YamlNode? node, SiteDirectory sites, LogonPointDirectory logonPoints, ClientDirectory clients, ProblemList problems)
    {
        var steps = new List<ScenarioStep>();
        var reader = new StepReader(sites, logonPoints, clients, problems);
        foreach (var (index, entry) in SectionList.Entries(node, "steps", "a step such as 'maintenance: PC-OLD'", problems))
        {
            var number = index + 1;
            var fields = MappingFields.Read(entry, $"step {number}", Keys, problems);
            var actions = fields.Accepted.Where(e => Actions.Contains(((YamlScalar)e.Key).Value)).ToList();
            if (actions.Count == 0)
            {
                problems.Add(entry, $"step {number} has no action; a step starts with one of {string.Join(", ", Actions)} (for example maintenance: PC-OLD)");
                continue;
            }

            if (actions.Count > 1)
            {
                problems.Add(actions[1].Key, $"step {number} has two actions, '{((YamlScalar)actions[0].Key).Value}' and '{((YamlScalar)actions[1].Key).Value}'; write each as its own step");
                continue;
            }

            var action = ((YamlScalar)actions[0].Key).Value;
            var parametersOk = CheckParameters(number, action, fields, problems);
            if (reader.Read(number, action, actions[0].Value, fields) is { } step && parametersOk)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static bool CheckParameters(int number, string action, MappingFields fields, ProblemList problems)
    {
        var ok = true;
        var allowed = Parameters.GetValueOrDefault(action) ?? [];
        foreach (var entry in fields.Accepted)
        {
            var key = ((YamlScalar)entry.Key).Value;
            if (key != action && !allowed.Contains(key, StringComparer.Ordinal))
            {
                var takes = allowed.Length == 0 ? $"a {action} step takes no other key" : $"a {action} step takes {string.Join(", ", allowed.Select(a => $"'{a}'"))}";
                problems.Add(entry.Key, $"'{key}' does not belong in step {number}: {takes}");
                ok = false;
            }
        }

        return ok;
    }
}
