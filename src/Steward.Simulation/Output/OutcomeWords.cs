using Steward.Policy.Decisions;

namespace Steward.Simulation.Output;

/// <summary>The words that outcomes and kinds of upgrade are printed as (docs/RULES.md sections 5 and 6).</summary>
public static class OutcomeWords
{
    private static readonly string[] Outcomes = [.. Enum.GetValues<Outcome>().OrderBy(o => (int)o).Select(o => o.ToString())];

    /// <summary>The answer of an administrative step.</summary>
    public const string Applied = "Applied";

    /// <summary>The answer of an administrative step the state forbids (docs/RULES.md sections 4 and 5).</summary>
    public const string Refused = "Refused";

    /// <summary>The outcome word, spelled as docs/RULES.md section 5 spells it (<c>DeferredToMaintenance</c>).</summary>
    public static string Of(Outcome outcome) => Outcomes[(int)outcome];

    /// <summary><c>hotfix</c> or <c>significant</c>; <c>none</c> when the agent was not changed.</summary>
    public static string Of(UpgradeKind kind) => kind switch
    {
        UpgradeKind.Hotfix => "hotfix",
        UpgradeKind.Significant => "significant",
        _ => "none",
    };
}
