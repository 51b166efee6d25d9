using Steward.Policy.Sites;

namespace Steward.Simulation.Model;

/// <summary>A logon point as the scenario declares it: its name, participating sites and optional named senior site.</summary>
public sealed record ScenarioLogonPoint(string Name, IReadOnlyList<SiteCode> Sites, SiteCode? Senior, SourcePosition At);
