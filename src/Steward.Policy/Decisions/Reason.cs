using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Decisions;

/// <summary>
/// Why a decision came out as it did, as facts rather than text: what started it, the versions it
/// compared, and the sites it considered, added, kept and dropped. <see cref="Render"/> turns it into
/// a sentence when someone asks, so that a million decisions need no million strings (R4, I5: every
/// decision is recorded with its reason in words).
/// </summary>
/// <remarks>Site sets index the <see cref="SiteTable"/> the decision was made with; render with that table.</remarks>
public readonly record struct Reason
{
    // The logon rules (R1, R2) and the maintenance cycle (R3) name different sets, never both: each
    // pair shares one slot, so a decision copies four sets rather than seven (docs/BENCHMARKS.md: a decision
    // under 100 ns; a Decision is copied on every return).
    private readonly SiteSet _first;
    private readonly SiteSet _second;
    private readonly SiteSet _third;
    private readonly SiteSet _fourth;
    private readonly int _rolloutSitePlusOne;

    /// <summary>What started the decision.</summary>
    public Trigger Trigger { get; init; }

    /// <summary>The outcome the reason explains.</summary>
    public Outcome Outcome { get; init; }

    /// <summary>The version installed before the decision, or null when the computer had no agent.</summary>
    public AgentVersion? Installed { get; init; }

    /// <summary>What was offered: the logon point's package (R1/R2) or the newest version the client's sites serve (R3).</summary>
    public AgentVersion? Offered { get; init; }

    /// <summary>The site whose version was offered (the senior site, or the newest assigned site); -1 when none.</summary>
    public int OfferedBy { get; init; }

    /// <summary>The name of the logon point, for logon and manual install.</summary>
    public string? LogonPoint { get; init; }

    /// <summary>R1/R2 <see cref="Outcome.NotInBoundaries"/>: the participating sites. R1 otherwise: the candidate sites (participating and containing the computer).</summary>
    public SiteSet Considered { get => Trigger != Trigger.Maintenance ? _first : default; init => _first = value; }

    /// <summary>Sites this decision assigned the client to.</summary>
    public SiteSet Added { get => Trigger != Trigger.Maintenance ? _second : default; init => _second = value; }

    /// <summary>Candidate sites not assigned because their line is older than the client's agent would be.</summary>
    public SiteSet Refused { get => Trigger != Trigger.Maintenance ? _third : default; init => _third = value; }

    /// <summary>R3: sites dropped because their boundaries no longer contain the client.</summary>
    public SiteSet DroppedOutside { get => Trigger == Trigger.Maintenance ? _first : default; init => _first = value; }

    /// <summary>R3: sites dropped after an upgrade because they are not compatible with the new version.</summary>
    public SiteSet DroppedIncompatible { get => Trigger == Trigger.Maintenance ? _second : default; init => _second = value; }

    /// <summary>
    /// R3: sites kept although their boundaries do not contain the client, because it is travelling or
    /// because their boundaries could not be read.
    /// </summary>
    public SiteSet Kept { get => Trigger == Trigger.Maintenance ? _third : default; init => _third = value; }

    /// <summary>True when the client is travelling (R3 kept its sites).</summary>
    public bool Travelling { get; init; }

    /// <summary><see cref="Outcome.DeferredToMaintenance"/>: the client's sites that already serve a significant upgrade.</summary>
    public SiteSet Serving { get => Trigger != Trigger.Maintenance ? _fourth : default; init => _fourth = value; }

    /// <summary>The rollouts the decision was made with (docs/RULES.md section 4), or null when there were none.</summary>
    public RolloutPlan? Plan { get; init; }

    /// <summary>The sites whose active rollout's gate was open for the client.</summary>
    public SiteSet Open { get; init; }

    /// <summary>The time of the decision (meaningful with a <see cref="Plan"/>).</summary>
    public long Now { get; init; }

    /// <summary>
    /// <see cref="Outcome.Scheduled"/>: the site whose rollout the client waits for;
    /// <see cref="Outcome.Downgraded"/>: the site whose downgrade order applied; otherwise -1.
    /// </summary>
    public int RolloutSite { get => _rolloutSitePlusOne - 1; init => _rolloutSitePlusOne = value + 1; }

    /// <summary><see cref="Outcome.Scheduled"/> in a spreading rollout: when the client's gate opens.</summary>
    public long Turn { get; init; }

    /// <summary>The reason as sentences for a person, naming versions, lines and site codes.</summary>
    /// <param name="sites">The table the decision was made with.</param>
    public string Render(SiteTable sites) => ReasonText.Render(this, sites);
}
