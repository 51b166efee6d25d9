using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Simulation.Hierarchy;
using Steward.Simulation.Model;
using Steward.Simulation.Running.Rollouts;

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
    private readonly RolloutDesk _desk;

    // With rollouts or failing clients a decision can change what the next client is served, so bulk
    // steps take clients one by one (docs/RULES.md section 4); otherwise clients are independent and run in parallel.
    private readonly bool _oneByOne;
    private SiteTable _sites;
    private CycleSchedule? _schedule;
    private int _next;

    private SimulationSession(Scenario scenario, SimulationOptions options)
    {
        Scenario = scenario;
        _options = options;
        _hierarchy = ScenarioHierarchy.From(scenario);
        _sites = _hierarchy.Sites;
        Fleet = new Fleet(scenario, _sites);
        _desk = new RolloutDesk(Fleet);
        _oneByOne = Fleet.AnyFails || scenario.Steps.Any(s => s is RolloutStep);
        _results = new List<StepResult>(scenario.Steps.Count);
    }

    /// <summary>The scenario being run.</summary>
    public Scenario Scenario { get; }

    /// <summary>The sites as they are now (a <c>siteVersion</c> step, a completion or a rollback replaces the table).</summary>
    public SiteTable Sites => _sites;

    /// <summary>The clock: seconds from 0 (docs/RULES.md section 4); only <c>advance</c> and <c>run</c> move it.</summary>
    public long Now => _desk.Now;

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
        RolloutStep s => StartRollout(s),
        RolloutVerbStep s => RolloutVerb(s),
        AdvanceStep s => Advance(s),
        RunStep s => RunCycles(s),
        _ => throw new ArgumentException($"Step {step.Number} ({step.Action}) is not a step the runner knows.", nameof(step)),
    };

    private ClientStepResult AtLogonPoint(ScenarioStep step, string name, string pointName, bool manual)
    {
        var client = ClientIndex(step, name);
        var point = LogonPointOf(step, pointName);
        return OneClient(step, client, manual ? DecisionKind.ManualInstall : DecisionKind.Logon, point);
    }

    private ClientStepResult Maintenance(MaintenanceStep step) =>
        OneClient(step, ClientIndex(step, step.Client), DecisionKind.Maintenance, default);

    private ClientStepResult OneClient(ScenarioStep step, int client, DecisionKind kind, LogonPoint point)
    {
        var before = Fleet.InstalledOf(client);
        var sitesBefore = Fleet.SitesOf(client);
        var events = new List<string>();
        var table = Sites;
        var decision = DecideFor(client, kind, point, events);
        var reason = decision.Reason.Render(table);
        return new ClientStepResult(
            step,
            Fleet.NameOf(client),
            kind == DecisionKind.Maintenance ? null : point.Name,
            decision.Outcome,
            before,
            decision.VersionAfter,
            CodesOf(sitesBefore),
            CodesOf(decision.SitesAfter),
            decision.Kind,
            events.Count == 0 ? reason : $"{reason} {string.Join(" ", events)}");
    }

    /// <summary>
    /// Decides for one client with the versions served to it now, carries the decision out (a failing
    /// client's upgrade fails), and lets the rollouts count it.
    /// </summary>
    internal Decision DecideFor(int client, DecisionKind kind, in LogonPoint point, List<string> events)
    {
        var facts = Fleet.FactsOf(client);
        var plan = _desk.Plan(_sites);
        Span<RolloutSeat> seats = stackalloc RolloutSeat[plan?.Active.Count ?? 0];
        _desk.FillSeats(client, seats);
        var decision = DecideWith(client, kind, point, facts, plan, seats);
        Fleet.Apply(client, decision);
        _desk.AfterDecision(client, facts.Installed, decision, kind == DecisionKind.Maintenance, _sites, events);
        return decision;
    }

    /// <summary>
    /// The decision for one client from facts and seats the caller gathered (<c>run</c> reads them from
    /// copies in cycle order); a failing client's upgrade fails. Nothing is carried out.
    /// </summary>
    internal Decision DecideWith(int client, DecisionKind kind, in LogonPoint point, in ClientFacts facts, RolloutPlan? plan, ReadOnlySpan<RolloutSeat> seats)
    {
        Decision decision;
        if (plan is null)
        {
            decision = kind switch
            {
                DecisionKind.Maintenance => Decide.Maintenance(_sites, facts),
                DecisionKind.Logon => Decide.Logon(_sites, point, facts),
                _ => Decide.ManualInstall(_sites, point, facts),
            };
        }
        else
        {
            var serving = new Serving(plan, _desk.Now, seats);
            decision = kind switch
            {
                DecisionKind.Maintenance => Decide.Maintenance(_sites, facts, serving),
                DecisionKind.Logon => Decide.Logon(_sites, point, facts, serving),
                _ => Decide.ManualInstall(_sites, point, facts, serving),
            };
        }

        return kind == DecisionKind.Maintenance && decision.Outcome == Outcome.Upgraded && Fleet.FailsUpgrade(client)
            ? Decide.Failed(decision)
            : decision;
    }

    private StepResult SiteVersion(SiteVersionStep step)
    {
        var index = Sites.IndexOf(step.Site);
        if (index < 0)
        {
            throw new ArgumentException($"Step {step.Number} names site {step.Site}, which the scenario does not declare.", nameof(step));
        }

        if (_desk.SiteVersionRefusal(index) is { } refusal)
        {
            var active = _desk.Plan(_sites)!.RolloutOf(index)!;
            return new RolloutStepResult(step, false, active.Id, active.State, refusal);
        }

        var before = Sites;
        _sites = Sites.WithVersion(index, step.Version);
        _desk.SiteVersionApplied(index);
        return new AppliedStepResult(step, null, SiteVersionReason.Describe(before, Sites, index, _hierarchy.LogonPoints));
    }

    private RolloutStepResult StartRollout(RolloutStep step)
    {
        var change = _desk.Start(step, ref _sites);
        var events = new List<string>();
        if (change.Applied)
        {
            // A rollout with a window of 0 that spreads at once is due at once.
            _desk.CompleteDue(_desk.Now, ref _sites, events);
        }

        return RolloutResult(step, step.Id, change.Applied, change.Reason, events);
    }

    private RolloutStepResult RolloutVerb(RolloutVerbStep step)
    {
        var change = _desk.Verb(step, ref _sites);
        var events = new List<string>();
        if (change.Applied)
        {
            _desk.CompleteDue(_desk.Now, ref _sites, events);
        }

        return RolloutResult(step, step.Id, change.Applied, change.Reason, events);
    }

    private RolloutStepResult Advance(AdvanceStep step)
    {
        var events = new List<string>();
        var end = _desk.Now + step.Seconds;
        _desk.CompleteDue(end, ref _sites, events);
        _desk.Now = end;
        var reason = $"The clock moves forward {Duration.Format(step.Seconds)} to {RolloutDesk.At(end)}.";
        return new RolloutStepResult(step, true, null, null, events.Count == 0 ? reason : $"{reason} {string.Join(" ", events)}");
    }

    private RunStepResult RunCycles(RunStep step)
    {
        _schedule ??= new CycleSchedule(Fleet, Scenario.Cycle);
        return CycleRun.Run(this, _desk, _schedule, step, ref _sites);
    }

    private RolloutStepResult RolloutResult(ScenarioStep step, string id, bool applied, string reason, List<string> events)
    {
        var state = _desk.Find(id)?.Rollout?.State;
        return new RolloutStepResult(step, applied, id, state, events.Count == 0 ? reason : $"{reason} {string.Join(" ", events)}");
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
        if (_oneByOne)
        {
            return OneByOne(step, DecisionKind.Logon, point);
        }

        var (outcomes, kinds) = BulkDecisions.LogonAll(Fleet, Sites, point, _options);
        return new BulkStepResult(step, point.Name, Fleet.Count, outcomes, kinds);
    }

    private BulkStepResult MaintenanceAll(MaintenanceAllStep step)
    {
        if (_oneByOne)
        {
            return OneByOne(step, DecisionKind.Maintenance, default);
        }

        var (outcomes, kinds) = BulkDecisions.MaintenanceAll(Fleet, Sites, _options);
        return new BulkStepResult(step, null, Fleet.Count, outcomes, kinds);
    }

    // Clients one by one in file order, each seeing every change before it (docs/RULES.md section 4).
    private BulkStepResult OneByOne(ScenarioStep step, DecisionKind kind, LogonPoint point)
    {
        var counts = new OutcomeTally();
        var events = new List<string>();
        for (var client = 0; client < Fleet.Count; client++)
        {
            counts.Add(DecideFor(client, kind, point, events));
        }

        return new BulkStepResult(step, kind == DecisionKind.Maintenance ? null : point.Name, Fleet.Count, counts.Outcomes(), counts.Kinds(), events.Count == 0 ? null : string.Join(" ", events));
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
