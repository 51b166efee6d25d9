using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Model;

namespace Steward.Simulation.Tests.Running;

/// <summary>
/// Builds the validated <see cref="Scenario"/> the loader would produce, from short strings, numbering
/// the steps in the order they are added. Tests of the runner need no YAML.
/// </summary>
internal sealed class ScenarioBuilder
{
    private static readonly SourcePosition Here = new(1, 1);
    private readonly List<ScenarioSite> _sites = [];
    private readonly List<ScenarioLogonPoint> _points = [];
    private readonly List<ScenarioClient> _clients = [];
    private readonly List<GenerateBlock> _blocks = [];
    private readonly List<ScenarioStep> _steps = [];

    private int Next => _steps.Count + 1;

    public ScenarioBuilder Site(string code, string version, params string[] boundaries)
    {
        _sites.Add(new ScenarioSite(SiteCode.ParseExact(code), null, AgentVersion.Parse(version), [.. boundaries.Select(Boundary.ParseExact)], Here));
        return this;
    }

    public ScenarioBuilder LogonPoint(string name, string[] sites, string? senior = null)
    {
        _points.Add(new ScenarioLogonPoint(name, Codes(sites), senior is null ? null : SiteCode.ParseExact(senior), Here));
        return this;
    }

    public ScenarioBuilder Client(string name, string[] addresses, string? installed = null, string[]? sites = null, bool travel = false)
    {
        _clients.Add(new ScenarioClient(name, [.. addresses.Select(NetworkAddress.ParseExact)], Version(installed), Codes(sites), travel, Here));
        return this;
    }

    public ScenarioBuilder Generate(int count, string prefix, string addresses, string? installed = null, string[]? sites = null, bool travel = false)
    {
        _blocks.Add(new GenerateBlock(count, prefix, Boundary.ParseExact(addresses), Version(installed), Codes(sites), travel, Here));
        return this;
    }

    public ScenarioBuilder Logon(string client, string at) => Add(new LogonStep(Next, Here, client, at));

    public ScenarioBuilder Install(string client, string at) => Add(new InstallStep(Next, Here, client, at));

    public ScenarioBuilder Maintenance(string client) => Add(new MaintenanceStep(Next, Here, client));

    public ScenarioBuilder SiteVersion(string site, string version) =>
        Add(new SiteVersionStep(Next, Here, SiteCode.ParseExact(site), AgentVersion.Parse(version)));

    public ScenarioBuilder Move(string client, params string[] addresses) =>
        Add(new MoveStep(Next, Here, client, [.. addresses.Select(NetworkAddress.ParseExact)]));

    public ScenarioBuilder Travel(string client, bool enabled) => Add(new TravelStep(Next, Here, client, enabled));

    public ScenarioBuilder LogonAll(string at) => Add(new LogonAllStep(Next, Here, at));

    public ScenarioBuilder MaintenanceAll() => Add(new MaintenanceAllStep(Next, Here));

    public Scenario Build() => new([.. _sites], [.. _points], [.. _clients], [.. _blocks], [.. _steps]);

    private ScenarioBuilder Add(ScenarioStep step)
    {
        _steps.Add(step);
        return this;
    }

    private static AgentVersion? Version(string? text) => text is null ? null : AgentVersion.Parse(text);

    private static SiteCode[] Codes(string[]? codes) => [.. (codes ?? []).Select(SiteCode.ParseExact)];
}
