using Steward.Protocol.Agent;

namespace Steward.Agent.State;

/// <summary>
/// Everything the agent remembers between runs (<c>state.json</c>, owner-only). The installed version
/// is recorded here for people; what runs is what the <c>current</c> pointer names.
/// </summary>
/// <param name="Format">The format of this file; this is format 1.</param>
/// <param name="ComputerName">The name it enrolled with.</param>
/// <param name="LogonPoint">The logon point address it last used.</param>
/// <param name="ClientId">Its client id, from enrollment.</param>
/// <param name="ClientSecret">Its client secret, from enrollment; sent only in the Authorization header.</param>
/// <param name="ServerKey">The server's package-signing key, pinned at enrollment (SubjectPublicKeyInfo, base64).</param>
/// <param name="Sites">The sites it is assigned to, by the server's last word.</param>
/// <param name="AccessPoints">The access point address of each assigned site.</param>
/// <param name="Installed">The version installed, as of the last change.</param>
/// <param name="Addresses">Addresses given on the command line instead of the discovered ones, or null.</param>
/// <param name="LastCycle">When the last maintenance cycle finished, or null.</param>
/// <param name="PendingReport">An upgrade result the server has not acknowledged yet; sent at the next cycle.</param>
/// <param name="History">The last results, newest last.</param>
/// <param name="PendingTravel">A change of travel mode made here (<c>steward-agent travel on|off</c>) not yet acknowledged by the server; sent with the next cycle.</param>
/// <param name="PendingHealth">The service's last daily self-check not yet sent; sent with the next cycle.</param>
/// <param name="Ca">The private CA (PEM) trusted for the server over HTTPS, from <c>logon --ca FILE</c>; null: the computer's trust store.</param>
internal sealed record AgentState(
    int Format,
    string? ComputerName,
    string? LogonPoint,
    string? ClientId,
    string? ClientSecret,
    string? ServerKey,
    IReadOnlyList<string> Sites,
    IReadOnlyDictionary<string, string> AccessPoints,
    string? Installed,
    IReadOnlyList<string>? Addresses,
    DateTimeOffset? LastCycle,
    UpgradeReport? PendingReport,
    IReadOnlyList<AgentResult> History,
    bool? PendingTravel = null,
    string? Ca = null,
    HealthReport? PendingHealth = null)
{
    /// <summary>How many results <see cref="History"/> keeps.</summary>
    public const int HistoryLength = 20;

    /// <summary>The state of a computer that has never talked to a logon point.</summary>
    public static AgentState Empty { get; } = new(1, null, null, null, null, null, [], new Dictionary<string, string>(), null, null, null, null, []);

    /// <summary>True when it has the credentials to run maintenance cycles.</summary>
    public bool Enrolled => ClientId is not null && ClientSecret is not null;

    /// <summary>This state with one more result, the oldest dropped past <see cref="HistoryLength"/>.</summary>
    public AgentState WithResult(AgentResult result) =>
        this with { History = [.. History.Skip(Math.Max(0, History.Count + 1 - HistoryLength)), result] };
}
