namespace Steward.Agent.Tests.Infrastructure;

/// <summary>What a finished agent process left: its exit code and what it printed.</summary>
internal sealed record AgentRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
