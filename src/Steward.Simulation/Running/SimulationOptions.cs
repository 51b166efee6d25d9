namespace Steward.Simulation.Running;

/// <summary>How a simulation uses the machine. The results never depend on these settings.</summary>
public sealed record SimulationOptions
{
    /// <summary>The settings used when none are given: every core, chunks of 16,384 clients.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>
    /// How many threads a bulk step (<c>logonAll</c>, <c>maintenanceAll</c>) may use; 1 runs it on the
    /// calling thread. Clients are independent within a bulk step, so the counts and the final fleet
    /// are the same for any value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many consecutive clients one unit of bulk work covers: large enough that scheduling costs
    /// nothing next to the decisions, small enough that the cores finish together.
    /// </summary>
    public int ClientsPerChunk { get; init; } = 16_384;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
        ArgumentOutOfRangeException.ThrowIfLessThan(ClientsPerChunk, 1, nameof(ClientsPerChunk));
    }
}
