using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Hierarchy;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// A scenario being run, one step at a time: the fleet, the current sites and the results so far.
/// <see cref="SimulationRunner.Run"/> runs it to the end; a caller that shows progress steps it itself.
/// </summary>
/// <remarks>
/// Every decision is made by <see cref="Decide"/> in Steward.Policy, the code the server runs: the
/// session only gathers each client's facts from the fleet, hands them over, and stores what the
/// decision says. Not thread-safe: one caller steps a session.
/// </remarks>
public sealed class SimulationSession
{
    private readonly ScenarioHierarchy _hierarchy;
    private readonly List<StepResult> _results;
    private readonly SimulationOptions _options;
    private int _next;

    private SimulationSession(Scenario scenario, SimulationOptions options)
    {
        Scenario = scenario;
        _options = options;
        _hierarchy = ScenarioHierarchy.From(scenario);
        Sites = _hierarchy.Sites;
        Fleet = new Fleet(scenario, Sites);
        _results = new List<StepResult>(scenario.Steps.Count);
    }

    /// <summary>The scenario being run.</summary>
    public Scenario Scenario { get; }

    /// <summary>The sites as they are now (a <c>siteVersion</c> step replaces the table).</summary>
    public SiteTable Sites { get; private set; }

    /// <summary>Every client's current state.</summary>
    public Fleet Fleet { get; }

    /// <summary>The results of the steps run so far, in step order.</summary>
    public IReadOnlyList<StepResult> Results => _results;

    /// <summary>The step <see cref="RunNext"/> will run; null when every step has run.</summary>
    public ScenarioStep? NextStep => _next < Scenario.Steps.Count ? Scenario.Steps[_next] : null;

    /// <summary>True when every step has run.</summary>
    public bool IsFinished => _next >= Scenario.Steps.Count;

    /// <summary>
    /// Builds the fleet of a validated scenario, ready to run its first step.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The scenario breaks a rule the loader enforces (a name that resolves to nothing, a generate block
    /// with fewer addresses than clients): a bug in whatever built it, not a user error.
    /// </exception>
    public static SimulationSession Start(Scenario scenario, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= SimulationOptions.Default;
        options.Validate();
        return new SimulationSession(scenario, options);
    }

    /// <summary>Runs the next step and returns its result.</summary>
    /// <exception cref="InvalidOperationException">Every step has already run.</exception>
    public StepResult RunNext()
    {
        var step = NextStep ?? throw new InvalidOperationException("Every step of the scenario has already run.");
        var result = Execute(step);
        _results.Add(result);
        _next++;
        return result;
    }

    /// <summary>Runs the remaining steps and returns the finished run.</summary>
    public SimulationRun RunToEnd()
    {
        while (!IsFinished)
        {
            RunNext();
        }

        return new SimulationRun(Scenario, _results, Sites, Fleet);
    }

    private StepResult Execute(ScenarioStep step) => step switch
    {
        LogonStep s => AtLogonPoint(s, s.Client, s.LogonPoint, manual: false),
        InstallStep s => AtLogonPoint(s, s.Client, s.LogonPoint, manual: true),
        MaintenanceStep s => Maintenance(s),
        SiteVersionStep s => SiteVersion(s),
        MoveStep s => Move(s),
        TravelStep s => Travel(s),
        LogonAllStep s => LogonAll(s),
        MaintenanceAllStep s => MaintenanceAll(s),
        _ => throw new ArgumentException($"Step {step.Number} ({step.Action}) is not a step the runner knows.", nameof(step)),
    };

    private ClientStepResult AtLogonPoint(ScenarioStep step, string name, string pointName, bool manual)
    {
        var client = ClientIndex(step, name);
        var point = LogonPointOf(step, pointName);
        var facts = Fleet.FactsOf(client);
        var decision = manual ? Decide.ManualInstall(Sites, point, facts) : Decide.Logon(Sites, point, facts);
        return Record(step, client, point.Name, facts.Installed, facts.Sites, decision);
    }

    private ClientStepResult Maintenance(MaintenanceStep step)
    {
        var client = ClientIndex(step, step.Client);
        var facts = Fleet.FactsOf(client);
        var decision = Decide.Maintenance(Sites, facts);
        return Record(step, client, null, facts.Installed, facts.Sites, decision);
    }

    private ClientStepResult Record(ScenarioStep step, int client, string? point, AgentVersion? before, SiteSet sitesBefore, in Decision decision)
    {
        Fleet.Apply(client, decision);
        return new ClientStepResult(
            step,
            Fleet.NameOf(client),
            point,
            decision.Outcome,
            before,
            decision.VersionAfter,
            CodesOf(sitesBefore),
            CodesOf(decision.SitesAfter),
            decision.Kind,
            decision.Reason.Render(Sites));
    }

    private AppliedStepResult SiteVersion(SiteVersionStep step)
    {
        var index = Sites.IndexOf(step.Site);
        if (index < 0)
        {
            throw new ArgumentException($"Step {step.Number} names site {step.Site}, which the scenario does not declare.", nameof(step));
        }

        var before = Sites;
        Sites = Sites.WithVersion(index, step.Version);
        return new AppliedStepResult(step, null, SiteVersionReason.Describe(before, Sites, index, _hierarchy.LogonPoints));
    }

    private AppliedStepResult Move(MoveStep step)
    {
        var client = ClientIndex(step, step.Client);
        Fleet.SetAddresses(client, step.Addresses);
        var name = Fleet.NameOf(client);
        var list = string.Join(", ", step.Addresses);
        var reason = step.Addresses.Count switch
        {
            0 => $"{name} now reports no address.",
            1 => $"{name} now has the address {list}.",
            _ => $"{name} now has the addresses {list}.",
        };
        return new AppliedStepResult(step, name, reason);
    }

    private AppliedStepResult Travel(TravelStep step)
    {
        var client = ClientIndex(step, step.Client);
        Fleet.SetTravel(client, step.Enabled);
        var name = Fleet.NameOf(client);
        var reason = step.Enabled
            ? $"{name} is now travelling: its maintenance cycle keeps sites whose boundaries do not contain it."
            : $"{name} no longer travels: its maintenance cycle drops sites whose boundaries do not contain it.";
        return new AppliedStepResult(step, name, reason);
    }

    private BulkStepResult LogonAll(LogonAllStep step)
    {
        var point = LogonPointOf(step, step.LogonPoint);
        var (outcomes, kinds) = BulkDecisions.LogonAll(Fleet, Sites, point, _options);
        return new BulkStepResult(step, point.Name, Fleet.Count, outcomes, kinds);
    }

    private BulkStepResult MaintenanceAll(MaintenanceAllStep step)
    {
        var (outcomes, kinds) = BulkDecisions.MaintenanceAll(Fleet, Sites, _options);
        return new BulkStepResult(step, null, Fleet.Count, outcomes, kinds);
    }

    private int ClientIndex(ScenarioStep step, string name)
    {
        var index = Fleet.IndexOf(name);
        return index >= 0
            ? index
            : throw new ArgumentException($"Step {step.Number} ({step.Action}) names client {name}, which the scenario does not declare.", nameof(step));
    }

    private LogonPoint LogonPointOf(ScenarioStep step, string name)
    {
        var index = _hierarchy.IndexOfLogonPoint(name);
        return index >= 0
            ? _hierarchy.LogonPoints[index]
            : throw new ArgumentException($"Step {step.Number} ({step.Action}) names logon point {name}, which the scenario does not declare.", nameof(step));
    }

    private SiteCode[] CodesOf(SiteSet set)
    {
        var codes = new SiteCode[set.Count];
        var n = 0;
        foreach (var i in set)
        {
            // Table indices follow code order, so the codes come out sorted.
            codes[n++] = Sites[i].Code;
        }

        return codes;
    }
}
