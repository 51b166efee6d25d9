using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running.Rollouts;

/// <summary>
/// <c>run</c> (docs/RULES.md section 4): every online client's maintenance cycles from the clock to the clock
/// plus the duration, in time order (same second: file order), a rollout due at a second completing
/// before that second's cycles; and the installed agents per version at each whole hour.
/// </summary>
internal static class CycleRun
{
    private const long Hour = 3_600;

    public static RunStepResult Run(SimulationSession session, RolloutDesk desk, CycleSchedule schedule, RunStep step, ref SiteTable sites)
    {
        var fleet = session.Fleet;
        var start = desk.Now;
        var end = start + step.Seconds;
        var cycle = schedule.Cycle;
        var tally = new OutcomeTally();
        var events = new List<string>();
        var scratch = new List<string>();
        var versions = new VersionTally(fleet);
        var series = new List<SeriesPoint>();
        var nextHour = (start + Hour - 1) / Hour * Hour;
        var lane = new CycleLane(fleet, schedule);
        desk.OrderOffsets(schedule);
        Span<RolloutSeat> seatBuffer = stackalloc RolloutSeat[SiteSet.Capacity];

        for (var round = start / cycle; round * cycle < end; round++)
        {
            var roundStart = round * cycle;
            for (var i = 0; i < schedule.Count; i++)
            {
                var t = roundStart + schedule.PhaseAt(i);
                if (t < start)
                {
                    continue;
                }

                if (t >= end)
                {
                    break;
                }

                for (; nextHour <= t; nextHour += Hour)
                {
                    series.Add(versions.At(nextHour / Hour));
                }

                if (t >= desk.NextCompletion)
                {
                    // A completion's sentence tells its own moment.
                    desk.CompleteDue(t, ref sites, events);
                }

                var client = lane.ClientAt(i);
                if (fleet.IsOffline(client))
                {
                    continue;
                }

                desk.Now = t;
                var facts = lane.FactsAt(i);
                var plan = desk.Plan(sites);
                var seats = seatBuffer[..(plan?.Active.Count ?? 0)];
                desk.FillSeatsInOrder(i, client, seats);
                var decision = session.DecideWith(client, DecisionKind.Maintenance, default, facts, plan, seats);
                lane.Apply(i, facts, decision);
                desk.AfterDecision(client, facts.Installed, decision, maintenance: true, sites, scratch);
                tally.Add(decision);
                if (facts.Installed != decision.VersionAfter)
                {
                    versions.Move(facts.Installed, decision.VersionAfter);
                }

                if (scratch.Count != 0)
                {
                    Note(events, scratch, t);
                }
            }
        }

        for (; nextHour <= end; nextHour += Hour)
        {
            series.Add(versions.At(nextHour / Hour));
        }

        desk.CompleteDue(end, ref sites, events);
        desk.Now = end;
        desk.OrderOffsets(null);
        var reason = $"{tally.Total:N0} maintenance cycles from {RolloutDesk.At(start)} to {RolloutDesk.At(end)} (every {Duration.Format(cycle)}; offline clients have none).";
        return new RunStepResult(step, start, end, tally.Total, tally.Outcomes(), tally.Kinds(), series, events.Count == 0 ? reason : $"{reason} {string.Join(" ", events)}");
    }

    private static void Note(List<string> events, List<string> scratch, long t)
    {
        foreach (var sentence in scratch)
        {
            events.Add($"At {RolloutDesk.At(t)}: {sentence}");
        }

        scratch.Clear();
    }

    // The installed agents per version, kept up to date as cycles change them.
    private sealed class VersionTally
    {
        private readonly SortedDictionary<ulong, long> _counts = [];

        public VersionTally(Fleet fleet)
        {
            for (var client = 0; client < fleet.Count; client++)
            {
                if (fleet.InstalledOf(client) is { } v)
                {
                    _counts[v.ToPacked()] = _counts.GetValueOrDefault(v.ToPacked()) + 1;
                }
            }
        }

        public void Move(AgentVersion? from, AgentVersion? to)
        {
            if (from is { } f)
            {
                _counts[f.ToPacked()]--;
            }

            if (to is { } t)
            {
                _counts[t.ToPacked()] = _counts.GetValueOrDefault(t.ToPacked()) + 1;
            }
        }

        public SeriesPoint At(long hour) =>
            new(hour, [.. _counts.Where(c => c.Value != 0).Select(c => new VersionCount(AgentVersion.FromPacked(c.Key), c.Value))]);
    }
}
