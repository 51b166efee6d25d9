using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Rollouts;

/// <summary>
/// One rollout of one site from version <see cref="From"/> to <see cref="To"/>: its settings, its
/// state, and the upgrade attempts counted toward its halt rule. Immutable: every change of the
/// lifecycle (<see cref="RolloutLifecycle"/>) makes a new value.
/// </summary>
/// <remarks>Times are whole seconds on the caller's clock (seconds from 0 in a scenario, Unix seconds on a server).</remarks>
public sealed record Rollout
{
    /// <summary>The default of <see cref="HaltFailures"/>.</summary>
    public const int DefaultHaltFailures = 5;

    /// <summary>The default of <see cref="HaltRate"/>: 0.05.</summary>
    public static Rate DefaultHaltRate { get; } = Rate.ParseExact("0.05");

    /// <summary>The id, unique, compared exactly.</summary>
    public required string Id { get; init; }

    /// <summary>The site whose version the rollout changes.</summary>
    public required SiteCode Site { get; init; }

    /// <summary>The site's version when the rollout started.</summary>
    public required AgentVersion From { get; init; }

    /// <summary>The version the rollout brings, newer than <see cref="From"/>.</summary>
    public required AgentVersion To { get; init; }

    /// <summary>How many distinct clients the pilot names.</summary>
    public int PilotCount { get; init; }

    /// <summary>The window W in seconds over which non-pilot clients' gates open once it spreads.</summary>
    public long Window { get; init; }

    /// <summary>The halt rule's least number of failures.</summary>
    public int HaltFailures { get; init; } = DefaultHaltFailures;

    /// <summary>The halt rule's least share of failures among attempts.</summary>
    public Rate HaltRate { get; init; } = DefaultHaltRate;

    /// <summary>The state.</summary>
    public RolloutState State { get; init; }

    /// <summary>While <see cref="RolloutState.Halted"/>: the state <c>resume</c> returns to.</summary>
    public RolloutState HaltedIn { get; init; }

    /// <summary>When it started.</summary>
    public long Started { get; init; }

    /// <summary>When it began (or, after a resume, is reckoned to have begun) to spread; meaningful from spreading on.</summary>
    public long SpreadStart { get; init; }

    /// <summary>When it was last halted.</summary>
    public long HaltedAt { get; init; }

    /// <summary>When it completed, was aborted or rolled back.</summary>
    public long EndedAt { get; init; }

    /// <summary>Upgrade attempts to <see cref="To"/> that succeeded, counted toward the halt rule.</summary>
    public long Successes { get; init; }

    /// <summary>Upgrade attempts to <see cref="To"/> that failed, counted toward the halt rule.</summary>
    public long Failures { get; init; }

    /// <summary>Why it was last halted, in words (<c>6 of 80 upgrades failed (7.5 % ≥ 5 %)</c>); null when it never was.</summary>
    public string? HaltReason { get; init; }

    /// <summary>True once the site has had a later rollout or <c>siteVersion</c>: a complete rollout can then no longer be rolled back.</summary>
    public bool Superseded { get; init; }

    /// <summary>True in pilot, spreading and halted.</summary>
    public bool IsActive => RolloutStates.IsActive(State);

    /// <summary>When a spreading rollout completes: <c>spreadStart + W</c>.</summary>
    public long CompletesAt => SpreadStart + Window;

    /// <summary><c>id of site</c>, as reasons name it: <c>rollout sp2 of B01</c>.</summary>
    public string Name => $"rollout {Id} of {Site}";

    /// <summary>A client's place in the window: <c>floor(W × h(id + "/" + key))</c> seconds after spreadStart.</summary>
    /// <param name="n">n of <c>h(id + "/" + key)</c> (<see cref="RolloutHash.OfClient"/>).</param>
    public long OffsetOf(ulong n) => RolloutHash.Scale(Window, n);

    /// <summary>The seat of a client with this key: whether it is a pilot client, and its place in the window.</summary>
    public RolloutSeat SeatOf(ReadOnlySpan<char> key, bool pilot) =>
        new(pilot, Window == 0 ? 0 : OffsetOf(RolloutHash.OfClient(Id, key)));

    /// <summary>
    /// True when the gate of a client with this seat is open at <paramref name="now"/>: in pilot for pilot
    /// clients; in spreading for pilot clients and from <c>spreadStart + offset</c> on for the others.
    /// </summary>
    public bool IsOpen(in RolloutSeat seat, long now) => State switch
    {
        RolloutState.Pilot => seat.Pilot,
        RolloutState.Spreading => seat.Pilot || now >= SpreadStart + seat.Offset,
        _ => false,
    };
}
