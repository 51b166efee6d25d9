using Steward.Policy.Boundaries;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Simulation.Model;

/// <summary>One step of a scenario, numbered from 1 in file order.</summary>
public abstract record ScenarioStep(int Number, SourcePosition At)
{
    /// <summary>The action word, as the file and the JSON output spell it (<c>logon</c>, <c>logonAll</c>, ...).</summary>
    public abstract string Action { get; }
}

/// <summary><c>logon: CLIENT, at: LOGONPOINT</c>.</summary>
public sealed record LogonStep(int Number, SourcePosition At, string Client, string LogonPoint) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "logon";
}

/// <summary><c>install: CLIENT, at: LOGONPOINT</c>: a manual install.</summary>
public sealed record InstallStep(int Number, SourcePosition At, string Client, string LogonPoint) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "install";
}

/// <summary><c>maintenance: CLIENT</c>: one maintenance cycle.</summary>
public sealed record MaintenanceStep(int Number, SourcePosition At, string Client) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "maintenance";
}

/// <summary><c>siteVersion: SITE, version: V</c>: an administrator sets a site's version.</summary>
public sealed record SiteVersionStep(int Number, SourcePosition At, SiteCode Site, AgentVersion Version) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "siteVersion";
}

/// <summary><c>move: CLIENT, addresses: [...]</c>: the computer now has these addresses.</summary>
public sealed record MoveStep(int Number, SourcePosition At, string Client, IReadOnlyList<NetworkAddress> Addresses) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "move";
}

/// <summary><c>travel: CLIENT, enabled: true|false</c>: sets the client's travel flag.</summary>
public sealed record TravelStep(int Number, SourcePosition At, string Client, bool Enabled) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "travel";
}

/// <summary><c>logonAll: LOGONPOINT</c>: every client, named and generated, logs on at the logon point.</summary>
public sealed record LogonAllStep(int Number, SourcePosition At, string LogonPoint) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "logonAll";
}

/// <summary><c>maintenanceAll: true</c>: every client runs one maintenance cycle.</summary>
public sealed record MaintenanceAllStep(int Number, SourcePosition At) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "maintenanceAll";
}

/// <summary><c>rollout: SITE, version: T</c> and its settings (docs/RULES.md section 4): starts a rollout of the site.</summary>
public sealed record RolloutStep(
    int Number,
    SourcePosition At,
    SiteCode Site,
    AgentVersion Version,
    string Id,
    IReadOnlyList<string> Pilot,
    long Window,
    int HaltFailures,
    Rate HaltRate) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "rollout";
}

/// <summary><c>promote: ID</c>, <c>halt: ID</c>, <c>resume: ID</c>, <c>abort: ID</c> or <c>rollback: ID</c>: an administrator's verb on a rollout.</summary>
public sealed record RolloutVerbStep(int Number, SourcePosition At, string Verb, string Id) : ScenarioStep(Number, At)
{
    /// <summary>The verbs, as the file spells them.</summary>
    public static readonly IReadOnlyList<string> Verbs = ["promote", "halt", "resume", "abort", "rollback"];

    /// <inheritdoc/>
    public override string Action => Verb;
}

/// <summary><c>advance: DURATION</c>: the clock moves; rollouts may complete.</summary>
public sealed record AdvanceStep(int Number, SourcePosition At, long Seconds) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "advance";
}

/// <summary><c>run: DURATION</c>: every client's maintenance cycles over the duration, in time order.</summary>
public sealed record RunStep(int Number, SourcePosition At, long Seconds) : ScenarioStep(Number, At)
{
    /// <inheritdoc/>
    public override string Action => "run";
}
