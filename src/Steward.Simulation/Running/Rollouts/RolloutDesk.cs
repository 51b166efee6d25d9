using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running.Rollouts;

/// <summary>
/// The rollouts of a session and its clock: carries out the rollout steps through
/// <see cref="RolloutLifecycle"/>, keeps the <see cref="RolloutPlan"/> decisions are made with, gives
/// each client its seats, and after each decision counts upgrade attempts and ends pilots (docs/RULES.md section 4).
/// </summary>
/// <remarks>
/// The session's site table changes when a rollout completes or a complete one is rolled back, so the
/// methods that may change it take it by reference.
/// </remarks>
internal sealed class RolloutDesk(Fleet fleet)
{
    private readonly Dictionary<string, RolloutRecord> _byId = new(StringComparer.Ordinal);
    private readonly List<RolloutRecord> _records = [];
    private readonly Dictionary<int, DowngradeOrder> _orders = [];
    private RolloutPlan? _plan;
    private RolloutRecord[] _active = [];
    private bool _stale = true;

    /// <summary>The clock: seconds from 0.</summary>
    public long Now { get; set; }

    /// <summary>When the first spreading rollout is due to complete; <see cref="long.MaxValue"/> when none spreads.</summary>
    public long NextCompletion { get; private set; } = long.MaxValue;

    /// <summary>The plan for decisions now; null when no rollout is active and no downgrade order stands.</summary>
    public RolloutPlan? Plan(SiteTable sites)
    {
        if (_stale)
        {
            _active = [.. _records.Where(r => r.Rollout is { IsActive: true }).OrderBy(r => r.Site)];
            _plan = _active.Length == 0 && _orders.Count == 0
                ? null
                : new RolloutPlan(sites, _active.Select(r => r.Rollout!), _orders.Values, TimeStyle.Scenario);
            var spreading = _active.Where(r => r.Rollout!.State == RolloutState.Spreading).Select(r => r.Rollout!.CompletesAt);
            NextCompletion = spreading.DefaultIfEmpty(long.MaxValue).Min();
            _stale = false;
        }

        return _plan;
    }

    /// <summary>The client's seat in each active rollout, in the plan's order.</summary>
    public void FillSeats(int client, Span<RolloutSeat> seats)
    {
        for (var k = 0; k < seats.Length; k++)
        {
            seats[k] = _active[k].SeatOf(client);
        }
    }

    /// <summary>
    /// The seats of the client at <paramref name="position"/> of a run's cycle order, from offsets copied
    /// into that order (<see cref="RolloutRecord.InCycleOrder"/>): read in sequence, not at random.
    /// </summary>
    public void FillSeatsInOrder(int position, int client, Span<RolloutSeat> seats)
    {
        for (var k = 0; k < seats.Length; k++)
        {
            seats[k] = _active[k].SeatInOrder(position, client);
        }
    }

    /// <summary>Copies every started rollout's offsets into a run's cycle order (null: drop the copies).</summary>
    public void OrderOffsets(CycleSchedule? schedule)
    {
        foreach (var record in _records)
        {
            record.OrderOffsets(schedule);
        }
    }

    /// <summary>The record of a rollout id, if a step declared it.</summary>
    public RolloutRecord? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A <c>rollout</c> step.</summary>
    public RolloutChange Start(RolloutStep step, ref SiteTable sites)
    {
        var site = sites.IndexOf(step.Site);
        var pilot = step.Pilot.Select(fleet.IndexOf).Distinct().ToArray();
        var active = _records.Find(r => r.Site == site && r.Rollout is { IsActive: true });
        var request = new RolloutRequest(step.Id, step.Site, step.Version, pilot.Length, step.Window, step.HaltFailures, step.HaltRate);
        var change = RolloutLifecycle.Start(request, sites[site].Version, active?.Rollout, RunsTarget(pilot, step.Version), Now);
        var offsets = change.Applied && step.Window > 0 ? Offsets(step.Id, step.Window) : null;
        var record = new RolloutRecord(step.Id, site, pilot, offsets) { Rollout = change.Rollout };
        _byId[step.Id] = record;
        if (change.Applied)
        {
            // A new rollout ends the site's downgrade order and makes its earlier rollouts history.
            Supersede(site);
            _records.Add(record);
            _stale = true;
        }

        return change;
    }

    /// <summary><c>promote</c>, <c>halt</c>, <c>resume</c>, <c>abort</c> or <c>rollback</c>.</summary>
    public RolloutChange Verb(RolloutVerbStep step, ref SiteTable sites)
    {
        var record = _byId[step.Id];
        if (record.Rollout is not { } rollout)
        {
            return new RolloutChange(false, null, $"Cannot {step.Verb} rollout {step.Id}: its start was refused, so it does not exist.");
        }

        var change = RolloutVerbs.Apply(step.Verb, rollout, step.Verb == RolloutVerbs.Resume && RunsTarget(record.Pilot, rollout.To), Now);
        if (!change.Applied)
        {
            return change;
        }

        record.Rollout = change.Rollout;
        if (step.Verb == RolloutVerbs.Rollback)
        {
            // The site goes back to F (its table already says F while the rollout was active), and clients on T are ordered down.
            sites = sites.WithVersion(record.Site, rollout.From);
            _orders[record.Site] = new DowngradeOrder(rollout.Site, rollout.To, rollout.Id);
        }

        _stale = true;
        return change;
    }

    /// <summary>True when <c>siteVersion</c> may change the site: it has no active rollout; otherwise the reason it may not.</summary>
    public string? SiteVersionRefusal(int site) =>
        _records.Find(r => r.Site == site && r.Rollout is { IsActive: true })?.Rollout is { } active
            ? $"Site {active.Site} has an active {active.Name} ({RolloutStates.Word(active.State)}); its version changes only through the rollout (halt, resume, abort or rollback it first)."
            : null;

    /// <summary>A <c>siteVersion</c> step was applied: it ends the site's downgrade order and makes its rollouts history.</summary>
    public void SiteVersionApplied(int site) => Supersede(site);

    /// <summary>Completes every spreading rollout due by <paramref name="t"/>, earliest first, and says so.</summary>
    public void CompleteDue(long t, ref SiteTable sites, List<string> events)
    {
        while (Plan(sites) is not null && NextCompletion <= t)
        {
            var due = _active.Where(r => r.Rollout!.State == RolloutState.Spreading).MinBy(r => r.Rollout!.CompletesAt)!;
            var change = RolloutLifecycle.CompleteIfDue(due.Rollout!, t)!;
            due.Rollout = change.Rollout;
            sites = sites.WithVersion(due.Site, due.Rollout!.To);
            events.Add(change.Reason);
            _stale = true;
        }
    }

    /// <summary>
    /// After a decision about <paramref name="client"/> was carried out: a maintenance-cycle upgrade (or its
    /// failure) counts toward the rollouts whose T it was, which may halt them; a pilot whose clients all
    /// run T now spreads.
    /// </summary>
    public void AfterDecision(int client, AgentVersion? before, in Decision decision, bool maintenance, SiteTable sites, List<string> events)
    {
        if (_plan is not { } plan)
        {
            return;
        }

        if (maintenance && decision.Outcome is Outcome.Upgraded or Outcome.UpgradeFailed)
        {
            var failed = decision.Outcome == Outcome.UpgradeFailed;
            var remaining = decision.SitesAfter | decision.Reason.DroppedIncompatible;
            foreach (var site in plan.CountedOn(remaining, decision.Reason.Offered!.Value))
            {
                var record = _active[plan.OrdinalOf(site)];
                var pilotName = failed && record.IsPilot(client) ? fleet.NameOf(client) : null;
                var change = RolloutLifecycle.Count(record.Rollout!, failed, pilotName, Now);
                record.Rollout = change.Rollout;
                if (change.Applied)
                {
                    events.Add(change.Reason);
                    _stale = true;
                }
            }
        }

        if (before != decision.VersionAfter)
        {
            foreach (var record in _active)
            {
                if (record.Rollout!.State == RolloutState.Pilot && record.IsPilot(client) &&
                    RolloutLifecycle.PilotSucceeded(record.Rollout, RunsTarget(record.Pilot, record.Rollout.To), Now) is { } spread)
                {
                    record.Rollout = spread.Rollout;
                    events.Add(spread.Reason);
                    _stale = true;
                }
            }
        }

        if (_stale)
        {
            Plan(sites);
        }
    }

    private bool RunsTarget(IReadOnlyList<int> pilot, AgentVersion target)
    {
        foreach (var client in pilot)
        {
            if (fleet.InstalledOf(client) != target)
            {
                return false;
            }
        }

        return true;
    }

    private void Supersede(int site)
    {
        _orders.Remove(site);
        foreach (var record in _records)
        {
            if (record.Site == site && record.Rollout is { Superseded: false } rollout)
            {
                record.Rollout = rollout with { Superseded = true };
            }
        }

        _stale = true;
    }

    // Each client's offset floor(W × h(id + "/" + name)), computed once (on every core: each client's is its
    // own, so the result does not depend on the order): a decision then compares integers.
    private long[] Offsets(string id, long window)
    {
        var offsets = new long[fleet.Count];
        Parallel.For(0, offsets.Length, client => offsets[client] = RolloutHash.Scale(window, fleet.Hash(id, "/", client)));
        return offsets;
    }

    /// <summary>Formats a moment of the scenario clock for event sentences.</summary>
    public static string At(long t) => Moments.Format(t, TimeStyle.Scenario);
}
