using System.Text;
using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Properties;

/// <summary>A generated site as written in a scenario: code (any case), version, boundary texts.</summary>
internal sealed record SiteSpec(string Code, AgentVersion Version, string[] Boundaries, bool BoundariesKnown);

/// <summary>A logon point: a bit mask over the scenario's sites and an optional named senior (index, or -1).</summary>
internal sealed record PointSpec(int Sites, int Senior);

/// <summary>A client's starting state; <see cref="Sites"/> is a bit mask over the scenario's sites.</summary>
internal sealed record ClientSpec(AgentVersion? Installed, int Sites, string[] Addresses, bool Travel);

internal enum StepKind
{
    Logon,
    ManualInstall,
    Maintenance,
    SiteVersion,
    Move,
    Travel,
}

/// <summary>One step; <see cref="Target"/> picks the logon point or the site (modulo their count).</summary>
internal sealed record StepSpec(StepKind Kind, int Client, int Target, AgentVersion Version, string[] Addresses, bool Flag);

/// <summary>A generated hierarchy and what happens to it, printed like a docs/RULES.md section 6 scenario when a property fails.</summary>
internal sealed record Scenario(SiteSpec[] Sites, PointSpec[] Points, ClientSpec[] Clients, StepSpec[] Steps)
{
    public override string ToString()
    {
        var text = new StringBuilder().AppendLine().AppendLine("sites:");
        foreach (var s in Sites)
        {
            text.AppendLine($"  - {{code: {s.Code}, version: {s.Version}, boundaries: [{string.Join(", ", s.Boundaries)}]{(s.BoundariesKnown ? "" : ", UNREADABLE")}}}");
        }

        text.AppendLine("logonPoints:");
        for (var i = 0; i < Points.Length; i++)
        {
            var senior = Points[i].Senior >= 0 ? $", senior: {Sites[Points[i].Senior].Code}" : "";
            text.AppendLine($"  - {{name: {PointName(i)}, sites: [{Codes(Points[i].Sites)}]{senior}}}");
        }

        text.AppendLine("clients:");
        for (var i = 0; i < Clients.Length; i++)
        {
            var c = Clients[i];
            text.AppendLine($"  - {{name: {ClientName(i)}, addresses: [{string.Join(", ", c.Addresses)}], installed: {c.Installed?.ToString() ?? "~"}, sites: [{Codes(c.Sites)}], travel: {c.Travel}}}");
        }

        text.AppendLine("steps:");
        foreach (var s in Steps)
        {
            text.AppendLine(s.Kind switch
            {
                StepKind.Logon => $"  - {{logon: {ClientName(s.Client)}, at: {PointName(s.Target % Points.Length)}}}",
                StepKind.ManualInstall => $"  - {{install: {ClientName(s.Client)}, at: {PointName(s.Target % Points.Length)}}}",
                StepKind.Maintenance => $"  - {{maintenance: {ClientName(s.Client)}}}",
                StepKind.SiteVersion => $"  - {{siteVersion: {Sites[s.Target % Sites.Length].Code}, version: {s.Version}}}",
                StepKind.Move => $"  - {{move: {ClientName(s.Client)}, addresses: [{string.Join(", ", s.Addresses)}]}}",
                _ => $"  - {{travel: {ClientName(s.Client)}, enabled: {s.Flag}}}",
            });
        }

        return text.ToString();
    }

    public static string PointName(int index) => $"LP{index + 1}";

    public static string ClientName(int index) => $"PC{index + 1}";

    private string Codes(int mask) => string.Join(", ", Sites.Where((_, i) => (mask & (1 << i)) != 0).Select(s => s.Code));
}
