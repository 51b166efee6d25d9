using Steward.Policy.Decisions;

namespace Steward.Server.Decisions;

/// <summary>The words the API uses for triggers and upgrade kinds.</summary>
internal static class Words
{
    /// <summary>The cause of a history entry that records a change of travel mode.</summary>
    public const string TravelCause = "travel";

    public static string Trigger(Trigger trigger) => trigger switch
    {
        Policy.Decisions.Trigger.Logon => "logon",
        Policy.Decisions.Trigger.ManualInstall => "install",
        _ => "maintenance",
    };

    public static string? Kind(UpgradeKind kind) => kind switch
    {
        UpgradeKind.Hotfix => "hotfix",
        UpgradeKind.Significant => "significant",
        _ => null,
    };

    /// <summary>True for one of the outcome words of docs/RULES.md section 5.</summary>
    public static bool IsOutcome(string text) => Enum.TryParse<Outcome>(text, ignoreCase: false, out _) && !int.TryParse(text, out _);
}
