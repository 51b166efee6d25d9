using Steward.Agent.Flows;

namespace Steward.Agent.Tests.Cli;

public sealed class ScheduleTests
{
    [Theory]
    [InlineData(0.0, 22.0)]
    [InlineData(0.5, 23.0)]
    [InlineData(0.999999, 24.0)]
    public void Next_AfterSuccess_IsTheIntervalMovedByTheJitter(double chance, double hours)
    {
        Assert.Equal(hours, Schedule.Default.Next(0, chance).TotalHours, 3);
    }

    [Fact]
    public void Next_AfterFailures_BacksOffDoublingUpToTheMaximum()
    {
        var waits = Enumerable.Range(1, 10).Select(f => Schedule.Default.Next(f, 0.5).TotalMinutes).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60, 60], waits);
    }

    [Fact]
    public void Next_AfterFailure_SpreadsRetriesByAFifth()
    {
        Assert.Equal(0.8, Schedule.Default.Next(1, 0).TotalMinutes, 6);
        Assert.Equal(1.2, Schedule.Default.Next(1, 1).TotalMinutes, 6);
    }

    [Fact]
    public void Next_JitterLargerThanTheInterval_NeverWaitsLessThanNothing()
    {
        Assert.Equal(TimeSpan.Zero, new Schedule(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)).Next(0, 0));
    }
}
