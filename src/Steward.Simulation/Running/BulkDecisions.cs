using Steward.Policy.Decisions;
using Steward.Policy.Sites;

namespace Steward.Simulation.Running;

/// <summary>
/// Runs one decision for every client of a fleet and counts the outcomes: the engine of
/// <c>logonAll</c> and <c>maintenanceAll</c>.
/// </summary>
/// <remarks>
/// <para>Nothing is allocated per client: a decision is a value, the client's facts are views into the
/// fleet's arrays, and the counts are a stack buffer per chunk. Reasons are not rendered at all.</para>
/// <para>Within a bulk step every client's decision depends only on its own slots and on the immutable
/// site table, so chunks of clients run on any thread in any order. Each chunk writes its counts to its
/// own row, and the rows are summed in chunk order: the result is the same on one core or many.</para>
/// </remarks>
internal static class BulkDecisions
{
    internal static readonly int OutcomeSlots = Enum.GetValues<Outcome>().Max(o => (int)o) + 1;
    internal static readonly int KindSlots = Enum.GetValues<UpgradeKind>().Max(k => (int)k) + 1;
    private static readonly int Stride = OutcomeSlots + KindSlots;

    /// <summary>Every client logs on at <paramref name="point"/>.</summary>
    public static (OutcomeCount[] Outcomes, KindCount[] Kinds) LogonAll(Fleet fleet, SiteTable sites, LogonPoint point, SimulationOptions options) =>
        Run(fleet, sites, point, isLogon: true, options);

    /// <summary>Every client runs one maintenance cycle.</summary>
    public static (OutcomeCount[] Outcomes, KindCount[] Kinds) MaintenanceAll(Fleet fleet, SiteTable sites, SimulationOptions options) =>
        Run(fleet, sites, default, isLogon: false, options);

    private static (OutcomeCount[] Outcomes, KindCount[] Kinds) Run(Fleet fleet, SiteTable sites, LogonPoint point, bool isLogon, SimulationOptions options)
    {
        var chunkSize = options.ClientsPerChunk;
        var chunks = (int)(((long)fleet.Count + chunkSize - 1) / chunkSize);
        var rows = new long[Math.Max(chunks, 1) * Stride];
        if (options.MaxDegreeOfParallelism == 1 || chunks <= 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                RunChunk(fleet, sites, point, isLogon, c, chunkSize, rows);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
            Parallel.For(0, chunks, parallel, c => RunChunk(fleet, sites, point, isLogon, c, chunkSize, rows));
        }

        Span<long> totals = stackalloc long[Stride];
        for (var c = 0; c < chunks; c++)
        {
            for (var s = 0; s < Stride; s++)
            {
                totals[s] += rows[(c * Stride) + s];
            }
        }

        return (Outcomes(totals[..OutcomeSlots]), Kinds(totals[OutcomeSlots..]));
    }

    private static void RunChunk(Fleet fleet, SiteTable sites, LogonPoint point, bool isLogon, int chunk, int chunkSize, long[] rows)
    {
        Span<long> counts = stackalloc long[Stride];
        var start = chunk * chunkSize;
        var end = (int)Math.Min((long)start + chunkSize, fleet.Count);
        for (var client = start; client < end; client++)
        {
            var facts = fleet.FactsOf(client);
            var decision = isLogon ? Decide.Logon(sites, point, facts) : Decide.Maintenance(sites, facts);
            fleet.Apply(client, decision);
            counts[(int)decision.Outcome]++;
            counts[OutcomeSlots + (int)decision.Kind]++;
        }

        counts.CopyTo(rows.AsSpan(chunk * Stride, Stride));
    }

    internal static OutcomeCount[] Outcomes(ReadOnlySpan<long> totals)
    {
        var list = new List<OutcomeCount>();
        for (var o = 0; o < totals.Length; o++)
        {
            if (totals[o] != 0)
            {
                list.Add(new OutcomeCount((Outcome)o, totals[o]));
            }
        }

        return [.. list];
    }

    // UpgradeKind.None counts the decisions that changed no agent; only real changes are reported.
    internal static KindCount[] Kinds(ReadOnlySpan<long> totals)
    {
        var list = new List<KindCount>();
        for (var k = 0; k < totals.Length; k++)
        {
            if (k != (int)UpgradeKind.None && totals[k] != 0)
            {
                list.Add(new KindCount((UpgradeKind)k, totals[k]));
            }
        }

        return [.. list];
    }
}
