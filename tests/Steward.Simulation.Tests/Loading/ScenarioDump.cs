using System.Text;
using Steward.Simulation.Model;

namespace Steward.Simulation.Tests.Loading;

/// <summary>
/// A scenario as text, without source positions: two files that say the same thing (YAML and JSON)
/// dump the same, whatever their layout.
/// </summary>
internal static class ScenarioDump
{
    public static string Render(Scenario scenario)
    {
        var text = new StringBuilder();
        foreach (var s in scenario.Sites)
        {
            text.AppendLine($"site {s.Code} '{s.Name}' {s.Version} [{string.Join(", ", s.Boundaries)}]");
        }

        foreach (var l in scenario.LogonPoints)
        {
            text.AppendLine($"logon point {l.Name} [{string.Join(", ", l.Sites)}] senior {l.Senior}");
        }

        foreach (var c in scenario.Clients)
        {
            text.AppendLine($"client {c.Name} [{string.Join(", ", c.Addresses)}] {c.Installed} [{string.Join(", ", c.Sites)}] {c.Travel}");
        }

        foreach (var g in scenario.Generate)
        {
            text.AppendLine($"generate {g.Count} {g.Prefix} {g.Addresses} {g.Installed} [{string.Join(", ", g.Sites)}] {g.Travel}");
        }

        foreach (var step in scenario.Steps)
        {
            // Records print their members; the position is the only one that differs between layouts.
            text.AppendLine((step with { At = default }).ToString());
        }

        return text.ToString();
    }
}
