namespace Steward.Simulation.Running.Rollouts;

/// <summary>
/// When each client's maintenance cycles fall in <c>run</c> (docs/RULES.md section 4): client c cycles at
/// <c>phase(c) + k × cycle</c>, with <c>phase(c) = floor(cycle × h("cycle/" + name))</c>.
/// </summary>
/// <remarks>
/// Every phase is below the cycle, so the cycles of round k all come before those of round k + 1, and
/// within a round they go by phase, then by file order: one sort of (phase, client) gives the order of
/// every round. The pair is packed into one 64-bit key (a phase fits in 32 bits, as a cycle is at most
/// 100 years, and a client index in 24, as a scenario holds at most 10,000,000 clients).
/// </remarks>
internal sealed class CycleSchedule
{
    private const int ClientBits = 24;
    private const long ClientMask = (1L << ClientBits) - 1;
    private readonly long[] _keys;

    public CycleSchedule(Fleet fleet, long cycle)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fleet.Count, 1 << ClientBits);
        Cycle = cycle;
        _keys = new long[fleet.Count];
        var keys = _keys;
        Parallel.For(0, keys.Length, client =>
        {
            var phase = Policy.Rollouts.RolloutHash.Scale(cycle, fleet.Hash("cycle/", [], client));
            keys[client] = (phase << ClientBits) | (uint)client;
        });

        Array.Sort(_keys);
    }

    /// <summary>The cycle, in seconds.</summary>
    public long Cycle { get; }

    /// <summary>How many clients cycle.</summary>
    public int Count => _keys.Length;

    /// <summary>The phase of the i-th client in cycle order.</summary>
    public long PhaseAt(int i) => _keys[i] >> ClientBits;

    /// <summary>The i-th client in cycle order.</summary>
    public int ClientAt(int i) => (int)(_keys[i] & ClientMask);
}
