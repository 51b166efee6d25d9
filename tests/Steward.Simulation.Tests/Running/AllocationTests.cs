using Steward.Simulation.Model;
using Steward.Simulation.Running;

namespace Steward.Simulation.Tests.Running;

/// <summary>
/// Bulk steps allocate nothing per client: what a step allocates (its result, a row of counts per
/// chunk) does not grow with the clients. Measured on one thread, where
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> sees every allocation.
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public void BulkSteps_OneChunk_AllocateTheSameForAThousandOrAHundredThousandClients()
    {
        var oneChunk = new SimulationOptions { MaxDegreeOfParallelism = 1, ClientsPerChunk = int.MaxValue };
        BulkStepAllocations(1_000, oneChunk);

        var small = BulkStepAllocations(1_000, oneChunk);
        var large = BulkStepAllocations(100_000, oneChunk);

        Assert.Equal(small, large);
        Assert.InRange(large, 1, 8 * 1024);
    }

    [Fact]
    public void BulkSteps_DefaultChunks_AllocateLessThanOneBytePerHundredDecisions()
    {
        var oneThread = new SimulationOptions { MaxDegreeOfParallelism = 1 };
        BulkStepAllocations(1_000, oneThread);

        var small = BulkStepAllocations(1_000, oneThread);
        var large = BulkStepAllocations(100_000, oneThread);

        // Four bulk steps over three blocks: 4 * 3 * 99,000 more decisions.
        var extraDecisions = 4 * 3 * 99_000;
        Assert.InRange(large - small, 0, extraDecisions / 100);
    }

    private static long BulkStepAllocations(int generated, SimulationOptions options)
    {
        var session = SimulationSession.Start(Scenario(generated), options);
        var before = GC.GetAllocatedBytesForCurrentThread();
        while (!session.IsFinished)
        {
            session.RunNext();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // Every path of both decisions: installs, refusals, deferrals, hotfixes, upgrades, drops, travel.
    private static Scenario Scenario(int generated) => new ScenarioBuilder()
        .Site("A01", "2.00.1380.1000", "10.0.0.0/10")
        .Site("B01", "2.00.1493.2001", "10.32.0.0/11", "10.96.0.0/11", "2001:db8::/32")
        .Site("C01", "2.00.1380.1002", "10.64.0.0/10")
        .LogonPoint("DC1", ["A01", "B01", "C01"])
        .Client("PC-V6", ["2001:db8::1", "fe80::1"], "2.00.1493.2000", ["B01"])
        .Generate(generated, "WA", "10.0.0.0/10", "2.00.1380.1000", ["A01"])
        .Generate(generated, "WC", "10.64.0.0/10", "2.00.1380.1001", ["C01"], travel: true)
        .Generate(generated, "WN", "10.0.0.0/9")
        .LogonAll("DC1")
        .MaintenanceAll()
        .LogonAll("DC1")
        .MaintenanceAll()
        .Build();
}
