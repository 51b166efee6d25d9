using Steward.Policy.Decisions;

namespace Steward.Simulation.Running;

/// <summary>Counts decisions by outcome and by kind of agent change, one at a time.</summary>
internal sealed class OutcomeTally
{
    private readonly long[] _outcomes = new long[BulkDecisions.OutcomeSlots];
    private readonly long[] _kinds = new long[BulkDecisions.KindSlots];

    /// <summary>How many decisions were counted.</summary>
    public long Total { get; private set; }

    public void Add(in Decision decision)
    {
        _outcomes[(int)decision.Outcome]++;
        _kinds[(int)decision.Kind]++;
        Total++;
    }

    /// <summary>The outcomes that occurred, in the order of the outcome words.</summary>
    public OutcomeCount[] Outcomes() => BulkDecisions.Outcomes(_outcomes);

    /// <summary>The kinds of agent change that occurred.</summary>
    public KindCount[] Kinds() => BulkDecisions.Kinds(_kinds);
}
