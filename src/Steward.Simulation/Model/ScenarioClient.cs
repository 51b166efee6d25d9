using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Simulation.Model;

/// <summary>
/// A named client as the scenario declares it; <see cref="Installed"/> null means no agent yet, and
/// <see cref="FailsUpgrade"/> makes every maintenance-cycle upgrade of it fail (docs/RULES.md section 4).
/// </summary>
public sealed record ScenarioClient(
    string Name,
    IReadOnlyList<NetworkAddress> Addresses,
    AgentVersion? Installed,
    IReadOnlyList<SiteCode> Sites,
    bool Travel,
    SourcePosition At,
    bool FailsUpgrade = false);
